// Who is asking. Every permission check starts here: the session names a user id, and the role and
// status are re-read from the database on each request, because both can change while a session lives.
import "server-only";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { auth, SESSION_COOKIE } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Role, UserStatus } from "@/lib/generated/sqlite/enums";

export type Viewer = {
  id: string;
  name: string | null;
  email: string | null;
  role: Role;
  /** SUSPENDED only while the suspension lasts; an expired one reads as ACTIVE. */
  status: UserStatus;
  suspendedUntil: Date | null;
  statusReason: string | null;
};

const viewerSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  status: true,
  suspendedUntil: true,
  statusReason: true,
} as const;

/** The user row as a Viewer, or null when it no longer exists. */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: viewerSelect });
  if (!row) return null;
  const lapsed =
    row.status === "SUSPENDED" && row.suspendedUntil !== null && row.suspendedUntil <= new Date();
  return lapsed ? { ...row, status: "ACTIVE", suspendedUntil: null } : row;
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
