// The audit log: one append-only record per moderation decision, written in the decision's own
// transaction. Nothing in the app updates or deletes these rows (a test greps for it).
import "server-only";
import { db } from "@/lib/db";
import { decodeKeyset, olderThan, pageOf } from "@/lib/moderation/cursor";
import { isRefusal, type Result } from "@/lib/result";
import { staffActor } from "./staff";

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

export type AuditRecord = {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  subjectUserId: string | null;
  articleId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  note: string | null;
  createdAt: Date;
};

export type AuditFilter = {
  actorId?: string;
  subjectUserId?: string;
  articleId?: string;
  action?: string;
  cursor?: string | null;
  limit?: number;
};

/** Newest first, filtered by moderator, user, story or action; keyset-paginated. Staff only. */
export async function listAuditLog(
  actorId: string | null,
  filter: AuditFilter = {},
): Promise<Result<{ items: AuditRecord[]; nextCursor: string | null }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = await db.auditLog.findMany({
    where: {
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.subjectUserId ? { subjectUserId: filter.subjectUserId } : {}),
      ...(filter.articleId ? { articleId: filter.articleId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...olderThan(decodeKeyset(filter.cursor)),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return { ok: true, ...pageOf(rows, limit) };
}

/** The actions the log holds, for the filter's select. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.auditLog.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
