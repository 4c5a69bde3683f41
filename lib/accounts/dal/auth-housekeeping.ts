// Auth.js never deletes what expires on its own: an unused sign-in link's row stays, and so does a
// session nobody came back to. They are purged at start-up and hourly (instrumentation.ts).
import "server-only";
import { db } from "@/lib/db";

const HOUR = 60 * 60 * 1000;

/**
 * Deletes sign-in tokens and sessions that expired before `now`; returns how many of each. Two plain
 * statements, one after the other, not a transaction: each purge is independent and idempotent, and a
 * transaction must find a free connection within Prisma's maxWait (2 s). Several instances starting
 * at once on a busy machine saturated the pool and the start-up purge failed ("Unable to start a
 * transaction in the given time"); a statement waits its turn in the pool instead.
 */
export async function purgeExpiredSignIns(now = new Date()): Promise<{ tokens: number; sessions: number }> {
  const tokens = await db.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  const sessions = await db.session.deleteMany({ where: { expires: { lt: now } } });
  return { tokens: tokens.count, sessions: sessions.count };
}

async function purgeAndLog(): Promise<void> {
  try {
    const { tokens, sessions } = await purgeExpiredSignIns();
    if (tokens || sessions)
      console.log(`Purged ${tokens} expired sign-in link(s) and ${sessions} expired session(s).`);
  } catch (err) {
    // A database that is briefly away must not take the server down; the next hour tries again.
    console.warn(`Could not purge expired sign-in links and sessions: ${(err as Error).message}`);
  }
}

const holder = globalThis as unknown as { __authHousekeeping?: NodeJS.Timeout };

/** Purges now, then every hour; the timer never keeps the process alive. Idempotent. */
export function startAuthHousekeeping(intervalMs = HOUR): void {
  if (holder.__authHousekeeping) return;
  void purgeAndLog();
  holder.__authHousekeeping = setInterval(() => void purgeAndLog(), intervalMs).unref();
}
