// Appeals: the author of a rejected comment, or a user under a sanction, may ask once per target for
// a second look. Targets: "comment:<commentId>" or "sanction:<auditLogId>" (the record that imposed it).
// Shadow-bans cannot be appealed: the user is not told about them. Only the record in force can be
// appealed (the latest of its kind, while the sanction holds), so a reader sanctioned twice has one
// sanction to appeal, and a decision applies to the record it names: upholding an appeal against a
// record that is no longer the one in force changes nothing and says so. Upholding restores the
// comment, unless its author may not post now (it is then held for a moderator, and the appeal says
// why), or lifts the sanction; either decision writes one audit record (appeal.uphold / appeal.deny).
import "server-only";
import { db } from "@/lib/db";
import { type Result, isRefusal, refuse, validate } from "@/lib/result";
import { appealDecisionSchema, appealSchema } from "@/lib/moderation/schema";
import { standingOf, type StandingUser } from "@/lib/moderation/standing";
import { publishChange } from "@/lib/moderation/visibility";
import { writeAudit } from "./audit";
import { liftOn, maySanction, sanctionState, sanctionTargetSelect } from "./sanctions";
import { staffActor } from "./staff";
import { requireActor } from "../../accounts/dal/users";

/** Sanction records that can be appealed, and the lift an upheld appeal applies. */
const APPEALABLE = {
  "user.suspend": "suspend",
  "user.ban": "ban",
  "user.premoderate": "premoderate",
} as const;
type AppealableAction = keyof typeof APPEALABLE;

function inForce(action: AppealableAction, user: StandingUser, now: Date): boolean {
  return standingOf(user, now).sanctions.includes(APPEALABLE[action]);
}

type AppealTarget =
  | {
      kind: "comment";
      commentId: string;
      articleId: string;
      headline: string;
      excerpt: string;
      status: string;
    }
  | {
      kind: "sanction";
      auditId: string;
      action: string;
      reason: string | null;
      since: Date;
      /** The sanction holds and this is its latest record (not one an earlier sanction left). */
      inForce: boolean;
    };

/** The latest record of `action` on the user: the one a sanction of that kind in force was set by. */
async function latestRecordId(userId: string, action: string): Promise<string | null> {
  const row = await db.auditLog.findFirst({
    where: { subjectUserId: userId, action },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return row?.id ?? null;
}

/** Whether `userId` may appeal `target` now; the resolved target when so. */
async function resolveTarget(
  userId: string,
  target: string,
  now: Date,
): Promise<AppealTarget | ReturnType<typeof refuse>> {
  const [kind, id] = target.split(":") as ["comment" | "sanction", string];
  if (kind === "comment") {
    const c = await db.comment.findUnique({
      where: { id },
      select: {
        authorId: true,
        status: true,
        body: true,
        articleId: true,
        article: { select: { headline: true } },
      },
    });
    if (!c || c.authorId !== userId) return refuse("not_found", "You have no such comment.");
    return {
      kind,
      commentId: id,
      articleId: c.articleId,
      headline: c.article.headline,
      excerpt: c.body.slice(0, 200),
      status: c.status,
    };
  }
  const [record, user] = await Promise.all([
    db.auditLog.findUnique({
      where: { id },
      select: { action: true, subjectUserId: true, reason: true, createdAt: true },
    }),
    db.user.findUnique({
      where: { id: userId },
      select: { role: true, status: true, suspendedUntil: true, premoderate: true },
    }),
  ]);
  if (!record || record.subjectUserId !== userId || !(record.action in APPEALABLE) || !user)
    return refuse("not_found", "There is no such sanction on your account.");
  const action = record.action as AppealableAction;
  return {
    kind,
    auditId: id,
    action,
    reason: record.reason,
    since: record.createdAt,
    inForce: inForce(action, user, now) && (await latestRecordId(userId, action)) === id,
  };
}

export async function submitAppeal(
  actorId: string | null,
  input: { target: string; text: string },
  now: Date = new Date(),
): Promise<Result<{ appealId: string }>> {
  const viewer = await requireActor(actorId, "Sign in to appeal.");
  if (isRefusal(viewer)) return viewer;
  const parsed = validate(appealSchema, input);
  if (isRefusal(parsed)) return parsed;
  const target = await resolveTarget(viewer.id, parsed.target, now);
  if (isRefusal(target)) return target;
  if (target.kind === "comment" && target.status !== "REJECTED")
    return refuse("conflict", "Only a rejected comment can be appealed.");
  if (target.kind === "sanction" && !target.inForce)
    return refuse("conflict", "That sanction is no longer in force.");
  try {
    const appeal = await db.appeal.create({
      data: { userId: viewer.id, target: parsed.target, text: parsed.text },
      select: { id: true },
    });
    return { ok: true, appealId: appeal.id };
  } catch (err) {
    if ((err as { code?: unknown })?.code === "P2002")
      return refuse("conflict", "You have already appealed this once.");
    throw err;
  }
}

export type AppealDecision = {
  appealId: string;
  articleId: string | null;
  userId: string;
  /** Set when the decision did not do what its name says (see `outcome` on the appeal). */
  message?: string;
};

export const HELD_OUTCOME =
  "Your appeal was upheld, but your account may not post while it is suspended or banned, so the comment is held for a moderator instead of being published.";
export const STALE_OUTCOME =
  "The sanction this appeal named is no longer the one on your account, so this decision changed nothing.";

export async function decideAppeal(
  actorId: string | null,
  input: { appealId: string; uphold: boolean | string; note?: string },
  now: Date = new Date(),
): Promise<Result<AppealDecision>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const parsed = validate(appealDecisionSchema, input);
  if (isRefusal(parsed)) return parsed;
  const { appealId, uphold, note } = parsed;
  const appeal = await db.appeal.findUnique({
    where: { id: appealId },
    select: { userId: true, target: true, status: true },
  });
  if (!appeal) return refuse("not_found", "No such appeal.");
  if (appeal.status !== "OPEN") return refuse("conflict", "This appeal has already been decided.");
  const appellant = await db.user.findUnique({
    where: { id: appeal.userId },
    select: { id: true, role: true },
  });
  if (!appellant) return refuse("not_found", "The appellant's account is gone.");
  // Same rule as sanctions: nobody decides their own case, and moderators' cases go to an admin.
  const why =
    appeal.userId === staff.id
      ? "You cannot decide your own appeal."
      : appeal.target.startsWith("sanction:")
        ? maySanction(staff, appellant)
        : null;
  if (why) return refuse("forbidden", why);
  const target = await resolveTarget(appeal.userId, appeal.target, now);
  if (isRefusal(target)) return target;

  return db.$transaction(async (tx) => {
    const decided = await tx.appeal.updateMany({
      where: { id: appealId, status: "OPEN" },
      data: {
        status: uphold ? "UPHELD" : "DENIED",
        decidedById: staff.id,
        decidedAt: now,
        decisionNote: note ?? null,
      },
    });
    if (decided.count === 0) return refuse("conflict", "This appeal has already been decided.");
    let before: string;
    let after: string;
    let articleId: string | null = null;
    let outcome: string | null = null;
    if (target.kind === "comment") {
      articleId = target.articleId;
      before = target.status;
      after = target.status;
      if (uphold && target.status === "REJECTED") {
        const where = { id: target.commentId };
        const [comment, author] = await Promise.all([
          tx.comment.findUniqueOrThrow({ where, select: { withdrawnAt: true } }),
          tx.user.findUniqueOrThrow({ where: { id: appeal.userId }, select: sanctionTargetSelect }),
        ]);
        // A comment its author withdrew stays out of view: upheld, it is deleted, not published. A
        // banned or suspended author's comment does not go out either: it waits in Pending.
        const change = publishChange(comment);
        const mayPost = standingOf(author, now).canPost;
        const data =
          change.status === "PUBLISHED" && !mayPost
            ? { status: "PENDING" as const, moderationReason: "appeal-upheld:author-may-not-post" }
            : { ...change, moderationReason: null };
        await tx.comment.update({ where, data });
        after = data.status;
        if (data.status === "PENDING") outcome = HELD_OUTCOME;
      }
    } else {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: appeal.userId },
        select: sanctionTargetSelect,
      });
      before = sanctionState(user, now);
      after = before;
      const kind = APPEALABLE[target.action as AppealableAction];
      // target.inForce: the sanction holds AND the appeal names its current record.
      if (uphold && target.inForce) after = sanctionState(await liftOn(tx, appeal.userId, kind), now);
      else if (!target.inForce) outcome = STALE_OUTCOME;
    }
    if (outcome) await tx.appeal.update({ where: { id: appealId }, data: { outcome } });
    await writeAudit(tx, {
      actor: staff,
      action: uphold ? "appeal.uphold" : "appeal.deny",
      targetType: "appeal",
      targetId: appealId,
      subjectUserId: appeal.userId,
      articleId,
      before,
      after,
      reason: appeal.target,
      note: [note, outcome].filter(Boolean).join(" — ") || null,
    });
    return {
      ok: true as const,
      appealId,
      articleId,
      userId: appeal.userId,
      ...(outcome ? { message: outcome } : {}),
    };
  });
}

export type MyAppeal = {
  id: string;
  target: string;
  text: string;
  status: "OPEN" | "UPHELD" | "DENIED";
  decisionNote: string | null;
  /** What the decision did when that is not what "upheld" says (held comment, stale sanction). */
  outcome?: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  /** What was appealed, in words: "Your comment on <headline>" or "Your suspension". */
  about: string;
};

const SANCTION_NAMES: Record<string, string> = {
  "user.suspend": "Your suspension",
  "user.ban": "Your ban",
  "user.premoderate": "Pre-moderation of your comments",
};

/** The user's own appeals and the decisions on them, newest first (for /account). */
export async function listMyAppeals(userId: string): Promise<MyAppeal[]> {
  const appeals = await db.appeal.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      target: true,
      text: true,
      status: true,
      decisionNote: true,
      outcome: true,
      decidedAt: true,
      createdAt: true,
    },
  });
  const out: MyAppeal[] = [];
  for (const a of appeals) {
    const t = await resolveTarget(userId, a.target, new Date());
    const about = isRefusal(t)
      ? "Something that no longer exists"
      : t.kind === "comment"
        ? `Your comment on “${t.headline}”`
        : (SANCTION_NAMES[t.action] ?? "A sanction");
    out.push({ ...a, about });
  }
  return out;
}

export type AppealOption = { target: string; label: string };

/** What the user could appeal now and has not: rejected comments (latest 20) and sanctions in force. */
export async function listAppealOptions(userId: string, now: Date = new Date()): Promise<AppealOption[]> {
  const [appealed, rejected, user, records] = await Promise.all([
    db.appeal.findMany({ where: { userId }, select: { target: true } }),
    db.comment.findMany({
      where: { authorId: userId, status: "REJECTED" },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: { id: true, body: true, article: { select: { headline: true } } },
    }),
    db.user.findUnique({
      where: { id: userId },
      select: { role: true, status: true, suspendedUntil: true, premoderate: true },
    }),
    db.auditLog.findMany({
      where: { subjectUserId: userId, action: { in: Object.keys(APPEALABLE) } },
      orderBy: { createdAt: "desc" },
      select: { id: true, action: true },
    }),
  ]);
  if (!user) return [];
  const done = new Set(appealed.map((a) => a.target));
  const options: AppealOption[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const action = r.action as AppealableAction;
    // Only the latest record of each kind is the sanction in force.
    if (seen.has(action)) continue;
    seen.add(action);
    if (inForce(action, user, now) && !done.has(`sanction:${r.id}`))
      options.push({ target: `sanction:${r.id}`, label: SANCTION_NAMES[action] });
  }
  for (const c of rejected) {
    if (done.has(`comment:${c.id}`)) continue;
    const excerpt = c.body.length > 60 ? `${c.body.slice(0, 60)}…` : c.body;
    options.push({
      target: `comment:${c.id}`,
      label: `Your rejected comment on “${c.article.headline}”: ${excerpt}`,
    });
  }
  return options;
}
