// Who is asking. Every permission check starts here: the session names a user id, and the role and
// status are re-read from the database on each request, because both can change while a session lives.
import "server-only";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { auth, SESSION_COOKIE } from "@/lib/accounts/auth/auth";
import { db } from "@/lib/db";
import type { Role, UserStatus } from "@/lib/generated/sqlite/enums";
import { standingOf, type Standing } from "@/lib/moderation/standing";
import { refuse, type Refusal } from "@/lib/result";

export type Viewer = {
  id: string;
  name: string | null;
  email: string | null;
  role: Role;
  /** SUSPENDED only while the suspension lasts; an expired one reads as ACTIVE. */
  status: UserStatus;
  suspendedUntil: Date | null;
  statusReason: string | null;
  premoderate: boolean;
  shadowBanned: boolean;
  /** What the account may do now (lib/moderation/standing.ts): the one answer every check asks. */
  standing: Standing;
};

/** The columns standingOf reads: select them wherever a user's standing is decided. */
export const standingSelect = {
  role: true,
  status: true,
  suspendedUntil: true,
  statusReason: true,
  premoderate: true,
  shadowBanned: true,
} as const;

const viewerSelect = { id: true, name: true, email: true, ...standingSelect } as const;

/** The user row as a Viewer, or null when it no longer exists. */
export async function loadViewer(userId: string, now: Date = new Date()): Promise<Viewer | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: viewerSelect });
  if (!row) return null;
  const standing = standingOf(row, now);
  const lapsed = row.status === "SUSPENDED" && standing.state === "ACTIVE";
  return lapsed ? { ...row, status: "ACTIVE", suspendedUntil: null, standing } : { ...row, standing };
}

/**
 * The acting user, re-read from the database (a role or a sanction can change while a session lives),
 * or an `unauthenticated` refusal. Every DAL write starts here, then asks `actor.standing`.
 */
export async function requireActor(
  actorId: string | null,
  signedOut = "Sign in first.",
): Promise<Viewer | Refusal> {
  const viewer = actorId ? await loadViewer(actorId) : null;
  return viewer ?? refuse("unauthenticated", signedOut);
}

/** The signed-in user's id from the session cookie, or null. */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  // Most readers are signed out: without the cookie there is nothing for Auth.js to look up.
  if (!(await cookies()).has(SESSION_COOKIE)) return null;
  // Auth.js draws random values (a CSRF token) on every call; Cache Components refuses those until
  // the render is known to be per-request.
  await connection();
  const session = await auth();
  return session?.user?.id ?? null;
});

/** The signed-in reader for this request (read once per request), or null. */
export const getCurrentUser = cache(async (): Promise<Viewer | null> => {
  const id = await getSessionUserId();
  return id ? loadViewer(id) : null;
});

/**
 * The name shown on a reader's comments: the name they chose (or their OAuth profile's), else "Reader"
 * and a short stable suffix. Never derived from the e-mail address, which stays private.
 */
export function displayName(user: { id: string; name: string | null }): string {
  const name = user.name?.trim();
  return name ? name : `Reader ${user.id.slice(-5)}`;
}
