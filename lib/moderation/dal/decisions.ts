// Moderators' decisions on comments. Each takes the actor's id first, authorizes inside, changes the
// comment only if it is still in the state the decision was made on, and writes exactly one audit record
// in the same transaction. Callers invalidate cacheTags.comments(articleId) with the returned id.
// Who may decide on whose comment follows the sanction hierarchy (mayDecideOn): never one's own, and
// a moderator's or an admin's comment only by an admin.
import "server-only";
import { db } from "@/lib/db";
import { type Result, isRefusal, refuse, validate } from "@/lib/result";
import {
  decisionSchema,
  REJECT_REASONS,
  type CommentDecisionKind,
  type RejectReason,
} from "@/lib/moderation/schema";
import { publishingRefusal, standingOf } from "@/lib/moderation/standing";
import { publishChange } from "@/lib/moderation/visibility";
import { standingSelect } from "../../accounts/dal/users";
import { writeAudit } from "./audit";
import { mayDecideOn } from "./sanctions";
import { staffActor, type Staff } from "./staff";

type Status = "PUBLISHED" | "PENDING" | "REJECTED" | "SPAM" | "DELETED";
type Current = {
  status: Status;
  featured: boolean;
  pinnedAt: Date | null;
  depth: number;
  reportCount: number;
  withdrawnAt: Date | null;
};

const HIDE = { featured: false, pinnedAt: null, reportCount: 0 };

/**
 * A reported comment whose author deleted the account: DELETED for readers, its text kept for the
 * Reported queue (lib/accounts/dal/account.ts). Rejecting or marking it spam keeps that text as evidence;
 * approving dismisses the reports and lets the text go.
 */
const deletedButReported = (c: Current) => c.status === "DELETED" && c.reportCount > 0;

/**
 * When a decision applies, and what it changes. `clearsReports` resolves the comment's open reports with
 * that outcome: UPHELD when the comment goes, DISMISSED when it stays (a reporter whose reports keep
 * being dismissed stops hiding comments; lib/moderation/dal/reports.ts).
 */
const DECISIONS: Record<
  CommentDecisionKind,
  {
    allowed: (c: Current) => boolean;
    change: (reason: string | null, c: Current) => object;
    clearsReports?: "UPHELD" | "DISMISSED";
    why: string;
  }
> = {
  approve: {
    allowed: (c) =>
      c.status === "PENDING" || (c.status === "PUBLISHED" && c.reportCount > 0) || deletedButReported(c),
    // A departed reader's reported comment loses its text once cleared; a withdrawn one is deleted.
    change: (_reason, c) =>
      c.status === "DELETED"
        ? { body: "", reportCount: 0 }
        : { ...publishChange(c), moderationReason: null, reportCount: 0 },
    clearsReports: "DISMISSED",
    why: "Only a pending or reported comment can be approved.",
  },
  reject: {
    allowed: (c) => c.status === "PUBLISHED" || c.status === "PENDING" || deletedButReported(c),
    change: (reason) => ({ status: "REJECTED", moderationReason: reason, ...HIDE }),
    clearsReports: "UPHELD",
    why: "Only a published or pending comment can be rejected.",
  },
  spam: {
    allowed: (c) =>
      c.status === "PUBLISHED" || c.status === "PENDING" || c.status === "REJECTED" || deletedButReported(c),
    change: () => ({ status: "SPAM", moderationReason: "spam", ...HIDE }),
    clearsReports: "UPHELD",
    why: "That comment is already spam or was deleted.",
  },
  restore: {
    allowed: (c) => c.status === "REJECTED" || c.status === "SPAM",
    change: (_, c) => ({ ...publishChange(c), moderationReason: null }),
    why: "Only a rejected or spam comment can be restored.",
  },
  feature: {
    allowed: (c) => c.status === "PUBLISHED" && !c.featured,
    change: () => ({ featured: true }),
    why: "Only a published comment that is not featured can be featured.",
  },
  unfeature: {
    allowed: (c) => c.featured,
    change: () => ({ featured: false }),
    why: "That comment is not featured.",
  },
  pin: {
    allowed: (c) => c.status === "PUBLISHED" && c.pinnedAt === null && c.depth === 1,
    change: () => ({ pinnedAt: new Date() }),
    why: "Only a published top-level comment that is not pinned can be pinned.",
  },
  unpin: {
    allowed: (c) => c.pinnedAt !== null,
    change: () => ({ pinnedAt: null }),
    why: "That comment is not pinned.",
  },
};

const stateOf = (c: { status: string; featured: boolean; pinnedAt: Date | null }) =>
  [c.status, c.featured ? "featured" : null, c.pinnedAt ? "pinned" : null].filter(Boolean).join(", ");

export type DecisionInput = {
  commentId: string;
  decision: CommentDecisionKind;
  reason?: RejectReason;
  note?: string;
};
export type DecisionOutcome = { commentId: string; articleId: string; status: Status };

/** The decision as it would be taken, without the staff check: bulk decisions reuse it per comment. */
async function applyDecision(staff: Staff, input: DecisionInput): Promise<Result<DecisionOutcome>> {
  const parsed = validate(decisionSchema, input);
  if (isRefusal(parsed)) return parsed;
  const { commentId, decision, reason, note } = parsed;
  const rule = DECISIONS[decision];
  return db.$transaction(async (tx) => {
    const c = await tx.comment.findUnique({
      where: { id: commentId },
      select: {
        status: true,
        featured: true,
        pinnedAt: true,
        depth: true,
        reportCount: true,
        withdrawnAt: true,
        articleId: true,
        authorId: true,
        author: { select: { id: true, ...standingSelect } },
      },
    });
    if (!c) return refuse("not_found", "That comment does not exist.");
    const why = mayDecideOn(staff, c.author);
    if (why) return refuse("forbidden", why);
    if (!rule.allowed(c)) return refuse("conflict", rule.why);
    const data = rule.change(reason ?? null, c);
    // Putting a comment out (approve, restore) asks its author's standing, as an upheld appeal does.
    const publishes = (data as { status?: Status }).status === "PUBLISHED" && c.status !== "PUBLISHED";
    const sanctioned = publishes && c.author ? publishingRefusal(standingOf(c.author)) : null;
    if (sanctioned) return refuse("conflict", sanctioned);
    // Conditional on the state just read: two moderators deciding at once cannot both win.
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, status: c.status, featured: c.featured, pinnedAt: c.pinnedAt },
      data,
    });
    if (count === 0)
      return refuse("conflict", "Someone else decided this comment a moment ago. Reload the queue.");
    if (rule.clearsReports)
      await tx.commentReport.updateMany({
        where: { commentId, resolvedAt: null },
        data: { resolvedAt: new Date(), outcome: rule.clearsReports },
      });
    const after = { ...c, ...data } as Current;
    await writeAudit(tx, {
      actor: staff,
      action: `comment.${decision}`,
      targetType: "comment",
      targetId: commentId,
      subjectUserId: c.authorId,
      articleId: c.articleId,
      before: stateOf(c),
      after: stateOf(after),
      reason: reason ? REJECT_REASONS[reason] : null,
      note: note ?? null,
    });
    return { ok: true as const, commentId, articleId: c.articleId, status: after.status };
  });
}

export async function moderateComment(
  actorId: string | null,
  input: DecisionInput,
): Promise<Result<DecisionOutcome>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  return applyDecision(staff, input);
}

const BULK_MAX = 100;

/**
 * The same decision on many comments: each is its own transaction and audit record, so one that
 * changed meanwhile is skipped (and named) without undoing the rest.
 */
export async function moderateComments(
  actorId: string | null,
  input: Omit<DecisionInput, "commentId"> & { commentIds: string[] },
): Promise<Result<{ done: DecisionOutcome[]; skipped: { commentId: string; message: string }[] }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const ids = [...new Set(Array.isArray(input.commentIds) ? input.commentIds : [])];
  if (ids.length === 0) return refuse("invalid", "Select at least one comment.");
  if (ids.length > BULK_MAX) return refuse("invalid", `Select at most ${BULK_MAX} comments at a time.`);
  const done: DecisionOutcome[] = [];
  const skipped: { commentId: string; message: string }[] = [];
  for (const commentId of ids) {
    const result = await applyDecision(staff, { ...input, commentId });
    if (result.ok) done.push({ commentId, articleId: result.articleId, status: result.status });
    else if (result.code === "invalid" && result.fieldErrors && !result.fieldErrors.commentId) return result;
    else skipped.push({ commentId, message: result.message });
  }
  return { ok: true, done, skipped };
}
