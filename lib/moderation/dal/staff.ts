// Who may moderate. The role and status are re-read from the database on every call, so a demoted or
// banned moderator loses access on their next request, not when their session ends.
import "server-only";
import { isRefusal, refuse, type Refusal } from "@/lib/result";
import { getSessionUserId, requireActor, type Viewer } from "../../accounts/dal/users";

export type Staff = Viewer & { role: "MODERATOR" | "ADMIN" };

const NOT_STAFF = "This is for moderators.";
const NOT_ADMIN = "Only an administrator can do this.";

/**
 * The actor as active staff, or why not. Suspended or banned staff lose their powers with their
 * voice: a sanction on a moderator would mean little if they could lift it themselves.
 */
export async function staffActor(
  actorId: string | null,
  need: "MODERATOR" | "ADMIN" = "MODERATOR",
): Promise<Staff | Refusal> {
  const viewer = await requireActor(actorId);
  if (isRefusal(viewer)) return viewer;
  if (!viewer.standing.isStaff) return refuse("forbidden", NOT_STAFF);
  if (need === "ADMIN" && viewer.role !== "ADMIN") return refuse("forbidden", NOT_ADMIN);
  return viewer as Staff;
}

/** The signed-in moderator or admin for this request, or null (the staff layout then answers 404). */
export async function requireModerator(): Promise<Staff | null> {
  const actor = await staffActor(await getSessionUserId());
  return isRefusal(actor) ? null : actor;
}
