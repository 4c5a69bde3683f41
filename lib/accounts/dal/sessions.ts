// Reading a database session, as Auth.js's database strategy reads it. lib/accounts/auth/auth.ts gives
// Auth.js the same lifetime, and answers server code's auth() from here.
import "server-only";
import { db } from "@/lib/db";

/** How long a session lives, and how often its expiry rolls forward (Auth.js `maxAge`, `updateAge`; s). */
export const SESSION_LIFETIME = { maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 } as const;

/**
 * The user a session token names, by Auth.js's rule: an unknown or expired session names nobody (an
 * expired one is deleted), and a live one's expiry rolls forward to `maxAge` from now once `updateAge`
 * has passed since it was last set.
 */
export async function sessionUserId(sessionToken: string, now: Date = new Date()): Promise<string | null> {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { userId: true, expires: true },
  });
  if (!session) return null;
  if (session.expires.getTime() < now.getTime()) {
    await db.session.deleteMany({ where: { sessionToken } });
    return null;
  }
  const { maxAge, updateAge } = SESSION_LIFETIME;
  if (session.expires.getTime() - maxAge * 1000 + updateAge * 1000 <= now.getTime())
    await db.session.updateMany({
      where: { sessionToken },
      data: { expires: new Date(now.getTime() + maxAge * 1000) },
    });
  return session.userId;
}
