// Who may moderate. The role and status are re-read from the database on every call, so a demoted or
// banned moderator loses access on their next request, not when their session ends.
import "server-only";
import { db } from "@/lib/db";
import { refuse, type ModerationRefusal } from "@/lib/moderation/results";
import { getSessionUserId, loadViewer, type Viewer } from "./users";

export type Staff = Viewer & { role: "MODERATOR" | "ADMIN" };

export const NOT_STAFF = "This is for moderators.";
export const NOT_ADMIN = "Only an administrator can do this.";

/**
 * The actor as active staff, or why not. Suspended or banned staff lose their powers with their
 * voice: a sanction on a moderator would mean little if they could lift it themselves.
 */
export async function staffActor(
  actorId: string | null,
  need: "MODERATOR" | "ADMIN" = "MODERATOR",
): Promise<Staff | ModerationRefusal> {
  const viewer = actorId ? await loadViewer(actorId) : null;
  if (!viewer) return refuse("unauthenticated", "Sign in first.");
  if (viewer.role === "READER" || viewer.status !== "ACTIVE") return refuse("forbidden", NOT_STAFF);
  if (need === "ADMIN" && viewer.role !== "ADMIN") return refuse("forbidden", NOT_ADMIN);
  return viewer as Staff;
}

/** The signed-in moderator or admin for this request, or null (the staff layout then answers 404). */
export async function requireModerator(): Promise<Staff | null> {
  const actor = await staffActor(await getSessionUserId());
  return "ok" in actor ? null : actor;
}

export async function requireAdmin(): Promise<Staff | null> {
  const actor = await staffActor(await getSessionUserId(), "ADMIN");
  return "ok" in actor ? null : actor;
}

/**
 * Whether a session cookie belongs to active staff, for proxy.ts to answer /moderation with a real 404
 * status before streaming starts (a request-time notFound() in a layout keeps status 200 under Cache
 * Components). The layout checks again; this only sets the status.
 */
export async function isStaffSessionToken(
  sessionToken: string | undefined,
  now = new Date(),
): Promise<boolean> {
  if (!sessionToken) return false;
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { role: true, status: true, suspendedUntil: true } } },
  });
  if (!session || session.expires <= now) return false;
  const { role, status, suspendedUntil } = session.user;
  const active = status === "ACTIVE" || (status === "SUSPENDED" && !!suspendedUntil && suspendedUntil <= now);
  return role !== "READER" && active;
}
