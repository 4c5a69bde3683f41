// The audit log: one append-only record per moderation decision, written in the decision's own
// transaction. Nothing in the app updates or deletes these rows (an ESLint rule forbids it).
import "server-only";
import { db } from "@/lib/db";

type Tx = Pick<typeof db, "auditLog">;

export type AuditEntry = {
  actor: { id: string; name: string | null } | null;
  action: string;
  targetType: "comment" | "user" | "article" | "settings" | "appeal";
  targetId: string;
  subjectUserId?: string | null;
  articleId?: string | null;
  before?: string | null;
  after?: string | null;
  reason?: string | null;
  note?: string | null;
};

/** Appends one record; pass the transaction client so it commits or rolls back with the decision. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<string> {
  const { actor, ...rest } = entry;
  const row = await tx.auditLog.create({
    data: {
      ...rest,
      actorId: actor?.id ?? null,
      actorName: actor ? (actor.name ?? `Staff ${actor.id.slice(-5)}`) : null,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * A decision no moderator took: a rule held or rejected a new comment, or reader reports hid one. It is
 * logged as the system's (no actor) with the rule that decided, the `reason` the rules produce. Nothing
 * is logged for a comment that simply published. Pass the client the comment was stored with.
 */
export async function recordAutomaticDecision(
  tx: Tx,
  decision: {
    commentId: string;
    authorId: string | null;
    articleId: string;
    status: "PUBLISHED" | "PENDING" | "REJECTED";
    reason: string | null;
    /** The status before (a hidden comment was PUBLISHED); none for a new comment. */
    before?: "PUBLISHED";
    /** Said in the record besides the rule, e.g. how many reports counted. */
    note?: string;
  },
): Promise<string | null> {
  const { commentId, authorId, articleId, status, reason, before } = decision;
  if (status === "PUBLISHED") return null;
  const action = before
    ? "comment.auto_hide"
    : status === "REJECTED"
      ? "comment.auto_reject"
      : "comment.auto_hold";
  return writeAudit(tx, {
    actor: null,
    action,
    targetType: "comment",
    targetId: commentId,
    subjectUserId: authorId,
    articleId,
    before: before ?? null,
    after: status,
    reason,
    note: decision.note ?? null,
  });
}

/**
 * Comments close by time with no event to hang a record on, so the first write refused because of
 * auto-close on a story logs it: one record per story (its id is derived from the story's, so a second
 * refusal, even a simultaneous one, cannot add another).
 */
export async function recordAutoClose(
  client: Tx,
  articleId: string,
  rule: string,
  closedAt: Date,
): Promise<void> {
  const id = `auto-close-${articleId}`;
  if (await client.auditLog.findUnique({ where: { id }, select: { id: true } })) return;
  try {
    await client.auditLog.create({
      data: {
        id,
        actorId: null,
        actorName: null,
        action: "article.auto_close",
        targetType: "article",
        targetId: articleId,
        articleId,
        before: "open",
        after: `closed since ${closedAt.toISOString()}`,
        reason: rule,
      },
    });
  } catch (err) {
    if ((err as { code?: unknown })?.code !== "P2002") throw err;
  }
}
