// Server code reads the session cookie's row itself (lib/accounts/dal/sessions.ts) instead of a whole
// request to Auth.js's session endpoint; on a real database, by Auth.js's database-strategy rule.
import { createPrismaClient } from "@/lib/prisma";
import { SESSION_LIFETIME, sessionUserId } from "@/lib/accounts/dal/sessions";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const DAY = 86_400_000;
const now = new Date("2030-03-01T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const expiresOf = async (sessionToken: string) =>
  (await db.session.findUnique({ where: { sessionToken }, select: { expires: true } }))?.expires ?? null;

let userId: string;
beforeAll(async () => {
  userId = (await db.user.create({ data: { name: "Session reader" } })).id;
});

it("names the session's user, and nobody for an unknown token", async () => {
  await db.session.create({ data: { sessionToken: "fresh", userId, expires: at(30 * DAY) } });
  expect(await sessionUserId("fresh", now)).toBe(userId);
  expect(await sessionUserId("no-such-session", now)).toBeNull();
});

it("names nobody for an expired session, and deletes it as Auth.js does", async () => {
  await db.session.create({ data: { sessionToken: "expired", userId, expires: at(-1) } });
  expect(await sessionUserId("expired", now)).toBeNull();
  expect(await expiresOf("expired")).toBeNull();
});

it("rolls the expiry forward only once updateAge has passed since it was set", async () => {
  const { maxAge, updateAge } = SESSION_LIFETIME;
  // Set half an updateAge ago: left alone.
  const recent = at(maxAge * 1000 - (updateAge * 1000) / 2);
  await db.session.create({ data: { sessionToken: "recent", userId, expires: recent } });
  expect(await sessionUserId("recent", now)).toBe(userId);
  expect(await expiresOf("recent")).toEqual(recent);
  // Set more than updateAge ago: maxAge from now.
  await db.session.create({
    data: { sessionToken: "due", userId, expires: at(maxAge * 1000 - updateAge * 1000 - 1) },
  });
  expect(await sessionUserId("due", now)).toBe(userId);
  expect(await expiresOf("due")).toEqual(at(maxAge * 1000));
});
