// The staff check proxy.ts makes before /moderation renders, from the session cookie alone (no Auth.js),
// so non-staff get a real 404 status. The pages and actions check again through lib/moderation/dal/staff.ts.
import "server-only";
import { db } from "@/lib/db";
import { standingOf } from "@/lib/moderation/standing";

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
  return standingOf(session.user, now).isStaff;
}
