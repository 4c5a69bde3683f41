// Expired sign-in links and sessions are purged (lib/accounts/dal/auth-housekeeping.ts), on a real database.
import { db as siteDb } from "@/lib/db";
import { createPrismaClient, providerOf } from "@/lib/prisma";
import { purgeExpiredSignIns, startAuthHousekeeping } from "@/lib/accounts/dal/auth-housekeeping";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => Promise.all([db.$disconnect(), siteDb.$disconnect()]));

const now = new Date("2030-01-01T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

it("deletes the sign-in links and sessions that expired, and keeps the live ones", async () => {
  const user = await db.user.create({ data: { name: "Sleeper" } });
  await db.verificationToken.createMany({
    data: [
      { identifier: "old@example.test", token: "expired", expires: at(-1) },
      { identifier: "old@example.test", token: "live", expires: at(60_000) },
    ],
  });
  await db.session.createMany({
    data: [
      { sessionToken: "expired-session", userId: user.id, expires: at(-86_400_000) },
      { sessionToken: "live-session", userId: user.id, expires: at(1) },
    ],
  });

  expect(await purgeExpiredSignIns(now)).toEqual({ tokens: 1, sessions: 1 });
  expect((await db.verificationToken.findMany({ select: { token: true } })).map((t) => t.token)).toEqual([
    "live",
  ]);
  expect((await db.session.findMany({ select: { sessionToken: true } })).map((s) => s.sessionToken)).toEqual([
    "live-session",
  ]);
  expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  expect(await purgeExpiredSignIns(now)).toEqual({ tokens: 0, sessions: 0 });
});

// Three instances starting at once on a busy machine: every connection of the site's pool is busy for
// longer than Prisma's 2 s transaction maxWait. The purge waits its turn instead of failing ("Unable to
// start a transaction in the given time", as the batch transaction it used to be did).
(providerOf(process.env.DATABASE_URL!) === "postgresql" ? it : it.skip)(
  "purges while every connection of the pool is busy for longer than a transaction would wait",
  async () => {
    await db.verificationToken.create({
      data: { identifier: "busy@example.test", token: "busy-expired", expires: at(-1) },
    });
    // As many sleepers as the pool has connections (pg's default, 10), all running before the purge.
    const POOL = 10;
    const sleepers = Array.from({ length: POOL }, () =>
      siteDb.$queryRaw`SELECT pg_sleep(3)::text`.then(() => {}),
    );
    const sleeping = async () =>
      (
        await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND query LIKE '%pg_sleep%'
          AND pid <> pg_backend_pid()`
      )[0]!.n;
    while ((await sleeping()) < POOL) await new Promise((r) => setTimeout(r, 50));
    const purged = purgeExpiredSignIns(now);
    await Promise.all(sleepers);
    expect(await purged).toEqual({ tokens: 1, sessions: 0 });
  },
);

it("purges at start-up, then hourly on a timer that does not hold the process open", async () => {
  await db.verificationToken.create({
    data: { identifier: "gone@example.test", token: "long-expired", expires: new Date(Date.now() - 1000) },
  });
  const log = jest.spyOn(console, "log").mockImplementation(() => {});
  const setIntervalSpy = jest.spyOn(global, "setInterval");
  try {
    startAuthHousekeeping();
    startAuthHousekeeping(); // a second register() (a dev reload) starts no second timer
    expect(setIntervalSpy).toHaveBeenCalledTimes(1);
    expect(setIntervalSpy.mock.calls[0]![1]).toBe(60 * 60 * 1000);
    expect((setIntervalSpy.mock.results[0]!.value as NodeJS.Timeout).hasRef()).toBe(false);

    const left = () => db.verificationToken.count({ where: { token: "long-expired" } });
    // The purge deletes the links, then the sessions, then logs: wait for the log too, not only for the
    // row to go (on a busy machine the row was gone while the sessions' delete was still running).
    const logged = () => log.mock.calls.some(([line]) => /^Purged /.test(String(line)));
    for (let i = 0; i < 50 && ((await left()) || !logged()); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await left()).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Purged 1 expired sign-in link\(s\)/));
  } finally {
    log.mockRestore();
    setIntervalSpy.mockRestore();
    clearInterval((globalThis as unknown as { __authHousekeeping?: NodeJS.Timeout }).__authHousekeeping);
  }
});
