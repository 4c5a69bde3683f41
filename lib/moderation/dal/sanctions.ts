// Sanctions on readers: suspend for a while, ban, always pre-moderate, shadow-ban, and lifting each.
// Who may sanction whom: staff never themselves and never an admin; only an admin sanctions a
// moderator (moderators are peers, and a rogue one must not be able to silence the others).
// Banning with "reject their comments" rejects every published or pending comment of theirs in the
// same transaction and writes ONE audit record (user.ban, with the count in `after`): one decision, one
// record; each comment keeps moderationReason "ban", which points back to it.
import "server-only";
import { db } from "@/lib/db";
import { type Result, isRefusal, refuse, validate } from "@/lib/result";
import { liftSchema, roleSchema, sanctionSchema, type SanctionInput } from "@/lib/moderation/schema";
import { standingOf, type StandingUser } from "@/lib/moderation/standing";
import { writeAudit } from "./audit";
import { syncSanctionedAddress } from "./sanctioned-addresses";
import { staffActor, type Staff } from "./staff";
import { standingSelect } from "../../accounts/dal/users";

const targetSelect = { id: true, ...standingSelect } as const;
type Target = StandingUser & { id: string; premoderate: boolean; shadowBanned: boolean };

/** Whether `staff` may sanction (or lift a sanction on, or re-role) `target`. */
export function maySanction(
  staff: { id: string; role: string },
  target: { id: string; role: string },
): string | null {
  if (staff.id === target.id) return "You cannot do this to your own account.";
  if (target.role === "ADMIN")
    return "Administrators cannot be sanctioned; another admin must change their role first.";
  if (target.role === "MODERATOR" && staff.role !== "ADMIN")
    return "Only an administrator can sanction a moderator.";
  return null;
}

/**
 * Whether `staff` may decide on (approve, reject, restore, feature, pin…) a comment by `author`: the
 * same hierarchy as sanctions. Nobody decides on their own comment; a moderator decides on readers'
 * comments only; an admin on anyone else's. A comment whose author deleted the account is a reader's.
 */
export function mayDecideOn(
  staff: { id: string; role: string },
  author: { id: string; role: string } | null,
): string | null {
  if (!author) return null;
  if (author.id === staff.id) return "You cannot decide on your own comment.";
  if (author.role !== "READER" && staff.role !== "ADMIN")
    return "Only an administrator can decide on a moderator's or an administrator's comment.";
  return null;
}

/** The audit log's before/after text for a user's standing. */
function stateOf(t: Target, now = new Date()): string {
  const s = standingOf(t, now);
  return [
    s.state === "SUSPENDED" && s.until ? `SUSPENDED until ${s.until.toISOString()}` : s.state,
    t.premoderate ? "premoderated" : null,
    t.shadowBanned ? "shadow-banned" : null,
  ]
    .filter(Boolean)
    .join(", ");
}

async function loadTarget(staff: Staff, userId: string): Promise<Target | ReturnType<typeof refuse>> {
  const target = await db.user.findUnique({ where: { id: userId }, select: targetSelect });
  if (!target) return refuse("not_found", "No such user.");
  const why = maySanction(staff, target);
  return why ? refuse("forbidden", why) : target;
}

export type SanctionOutcome = { userId: string; auditId: string; articleIds: string[] };

/** Articles whose readers' view changes when this user's comments appear or vanish. */
async function articlesOf(userId: string, statuses: ("PUBLISHED" | "PENDING")[]): Promise<string[]> {
  const rows = await db.comment.findMany({
    where: { authorId: userId, status: { in: statuses } },
    distinct: ["articleId"],
    select: { articleId: true },
  });
  return rows.map((r) => r.articleId);
}

export async function applySanction(
  actorId: string | null,
  input: SanctionInput,
  now: Date = new Date(),
): Promise<Result<SanctionOutcome>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const parsed = validate(sanctionSchema, input);
  if (isRefusal(parsed)) return parsed;
  const { userId, sanction, hours, reason, rejectComments } = parsed;
  const target = await loadTarget(staff, userId);
  if (isRefusal(target)) return target;

  let data: object;
  if (sanction === "suspend") {
    if (target.status === "BANNED") return refuse("conflict", "This user is banned; lift the ban first.");
    data = {
      status: "SUSPENDED",
      suspendedUntil: new Date(now.getTime() + hours! * 3_600_000),
      statusReason: reason,
    };
  } else if (sanction === "ban") {
    if (target.status === "BANNED") return refuse("conflict", "This user is already banned.");
    data = { status: "BANNED", suspendedUntil: null, statusReason: reason };
  } else if (sanction === "premoderate") {
    if (target.premoderate) return refuse("conflict", "This user's comments are already pre-moderated.");
    data = { premoderate: true };
  } else {
    if (target.shadowBanned) return refuse("conflict", "This user is already shadow-banned.");
    data = { shadowBanned: true };
  }
  const visibleChange = sanction === "shadowban" || (sanction === "ban" && rejectComments);
  const articleIds = visibleChange ? await articlesOf(userId, ["PUBLISHED", "PENDING"]) : [];

  const auditId = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data, select: targetSelect });
    // The sanction follows the address: deleting the account and signing in again does not shed it.
    if (sanction === "suspend" || sanction === "ban") await syncSanctionedAddress(tx, userId);
    let rejected = 0;
    if (sanction === "ban" && rejectComments) {
      const ids = (
        await tx.comment.findMany({
          where: { authorId: userId, status: { in: ["PUBLISHED", "PENDING"] } },
          select: { id: true },
        })
      ).map((c) => c.id);
      if (ids.length) {
        rejected = (
          await tx.comment.updateMany({
            where: { id: { in: ids } },
            data: {
              status: "REJECTED",
              moderationReason: "ban",
              featured: false,
              pinnedAt: null,
              reportCount: 0,
            },
          })
        ).count;
        await tx.commentReport.updateMany({
          where: { commentId: { in: ids }, resolvedAt: null },
          data: { resolvedAt: now, outcome: "UPHELD" },
        });
      }
    }
    return writeAudit(tx, {
      actor: staff,
      action: `user.${sanction}`,
      targetType: "user",
      targetId: userId,
      subjectUserId: userId,
      before: stateOf(target, now),
      after:
        stateOf(updated, now) +
        (sanction === "ban" && rejectComments ? `; ${rejected} comments rejected` : ""),
      reason,
    });
  });
  return { ok: true, userId, auditId, articleIds };
}

/** How each sanction is lifted; it holds while standingOf lists it (a suspension lapses by time). */
const LIFT = {
  suspend: { action: "user.unsuspend", data: { status: "ACTIVE", suspendedUntil: null, statusReason: null } },
  ban: { action: "user.unban", data: { status: "ACTIVE", statusReason: null } },
  premoderate: { action: "user.unpremoderate", data: { premoderate: false } },
  shadowban: { action: "user.unshadowban", data: { shadowBanned: false } },
} as const;
const holds = (t: Target, sanction: keyof typeof LIFT, now: Date) =>
  standingOf(t, now).sanctions.includes(sanction);

/** Lifts one sanction. Comments a ban rejected stay rejected: restore them one by one, or on appeal. */
export async function liftSanction(
  actorId: string | null,
  input: { userId: string; sanction: string; note?: string },
  now: Date = new Date(),
): Promise<Result<SanctionOutcome>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const parsed = validate(liftSchema, input);
  if (isRefusal(parsed)) return parsed;
  const target = await loadTarget(staff, parsed.userId);
  if (isRefusal(target)) return target;
  const lift = LIFT[parsed.sanction];
  if (!holds(target, parsed.sanction, now)) return refuse("conflict", "That sanction is not in force.");
  const articleIds = parsed.sanction === "shadowban" ? await articlesOf(target.id, ["PUBLISHED"]) : [];
  const auditId = await db.$transaction(async (tx) => {
    const updated = await liftOn(tx, target.id, parsed.sanction);
    return writeAudit(tx, {
      actor: staff,
      action: lift.action,
      targetType: "user",
      targetId: target.id,
      subjectUserId: target.id,
      before: stateOf(target, now),
      after: stateOf(updated, now),
      note: parsed.note ?? null,
    });
  });
  return { ok: true, userId: target.id, auditId, articleIds };
}

type Tx = Pick<typeof db, "user" | "sanctionedAddress">;

/** The lift itself, inside the caller's transaction (appeals reuse it under their own audit record). */
export async function liftOn(tx: Tx, userId: string, sanction: keyof typeof LIFT): Promise<Target> {
  const updated = await tx.user.update({
    where: { id: userId },
    data: LIFT[sanction].data,
    select: targetSelect,
  });
  if (sanction === "suspend" || sanction === "ban") await syncSanctionedAddress(tx, userId);
  return updated;
}

export { targetSelect as sanctionTargetSelect, stateOf as sanctionState };

/** Admins only; not their own role (so the last admin cannot lock everyone out by accident). */
export async function setUserRole(
  actorId: string | null,
  input: { userId: string; role: string },
): Promise<Result<{ userId: string }>> {
  const admin = await staffActor(actorId, "ADMIN");
  if (isRefusal(admin)) return admin;
  const parsed = validate(roleSchema, input);
  if (isRefusal(parsed)) return parsed;
  const { userId, role } = parsed;
  if (userId === admin.id) return refuse("forbidden", "You cannot change your own role.");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) return refuse("not_found", "No such user.");
    if (before.role === role) return refuse("conflict", `This user is already ${role}.`);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await writeAudit(tx, {
      actor: admin,
      action: "user.role",
      targetType: "user",
      targetId: userId,
      subjectUserId: userId,
      before: before.role,
      after: role,
    });
    return { ok: true as const, userId };
  });
}
