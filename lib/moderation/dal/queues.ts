// The moderation queues: which comments each holds, live counts, and a page of items with everything a
// moderator needs to decide without leaving the queue (the story, the comment answered, the author's
// record, the rule or reports that put it there). Newest first, keyset-paginated.
import "server-only";
import { db } from "@/lib/db";
import type { CommentStatus } from "@/lib/generated/sqlite/enums";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { decodeKeyset, olderThan, pageOf } from "@/lib/moderation/cursor";
import { isRefusal, type Result } from "@/lib/result";
import { authorHistories, type AuthorHistory } from "./history";
import { openReportsFor, type ReportSummary } from "./reports";
import { staffActor } from "./staff";

export const QUEUES = ["pending", "reported", "rejected", "spam", "all"] as const;
export type QueueName = (typeof QUEUES)[number];

/**
 * A comment hidden by reports is PENDING with open reports: it belongs to Reported, not Pending. So does a
 * reported comment whose author deleted the account (DELETED, its text kept for this queue).
 */
const QUEUE_WHERE: Record<QueueName, Prisma.CommentWhereInput> = {
  pending: { status: "PENDING", reportCount: 0 },
  reported: { reportCount: { gt: 0 }, status: { in: ["PUBLISHED", "PENDING", "DELETED"] } },
  rejected: { status: "REJECTED" },
  spam: { status: "SPAM" },
  all: { status: { not: "DELETED" } },
};

export type QueueCounts = Record<QueueName | "appeals", number>;

export async function countQueues(
  actorId: string | null,
  articleId?: string,
): Promise<Result<{ counts: QueueCounts }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const scope = articleId ? { articleId } : {};
  const [pending, reported, rejected, spam, all, appeals] = await Promise.all([
    ...QUEUES.map((q) => db.comment.count({ where: { ...QUEUE_WHERE[q], ...scope } })),
    db.appeal.count({ where: { status: "OPEN" } }),
  ]);
  return { ok: true, counts: { pending, reported, rejected, spam, all, appeals } };
}

export type QueueItem = {
  id: string;
  body: string;
  status: CommentStatus;
  createdAt: Date;
  editedAt: Date | null;
  /** The text as first posted, when the author has edited it since. */
  previousBody: string | null;
  /** When the author withdrew it while it was under review (readers no longer see it). */
  withdrawnAt: Date | null;
  depth: number;
  featured: boolean;
  pinned: boolean;
  moderationReason: string | null;
  reportCount: number;
  article: { id: string; slug: string; headline: string };
  author: AuthorHistory | null;
  /** The comment this one answers, when it is a reply. */
  inReplyTo: { id: string; body: string; authorName: string | null; status: CommentStatus } | null;
  reports: ReportSummary[];
};

const itemSelect = {
  id: true,
  body: true,
  status: true,
  createdAt: true,
  editedAt: true,
  previousBody: true,
  withdrawnAt: true,
  depth: true,
  featured: true,
  pinnedAt: true,
  moderationReason: true,
  reportCount: true,
  authorId: true,
  parentId: true,
  replyToId: true,
  article: { select: { id: true, slug: true, headline: true } },
} as const;

export async function listQueue(
  actorId: string | null,
  options: { queue: QueueName; articleId?: string; cursor?: string | null; limit?: number },
): Promise<Result<{ items: QueueItem[]; nextCursor: string | null }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const rows = await db.comment.findMany({
    where: {
      ...QUEUE_WHERE[options.queue],
      ...(options.articleId ? { articleId: options.articleId } : {}),
      ...olderThan(decodeKeyset(options.cursor)),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: itemSelect,
  });
  const { items, nextCursor } = pageOf(rows, limit);
  const answeredIds = items.map((c) => c.replyToId ?? c.parentId).filter((id): id is string => !!id);
  const [histories, reports, answered] = await Promise.all([
    authorHistories(items.map((c) => c.authorId).filter((id): id is string => !!id)),
    openReportsFor(items.filter((c) => c.reportCount > 0).map((c) => c.id)),
    db.comment.findMany({
      where: { id: { in: answeredIds } },
      select: { id: true, body: true, status: true, author: { select: { name: true } } },
    }),
  ]);
  const answeredBy = new Map(answered.map((a) => [a.id, a]));
  return {
    ok: true,
    nextCursor,
    items: items.map(({ authorId, parentId, replyToId, pinnedAt, ...c }) => {
      const a = answeredBy.get(replyToId ?? parentId ?? "");
      return {
        ...c,
        pinned: pinnedAt !== null,
        author: authorId ? (histories.get(authorId) ?? null) : null,
        inReplyTo: a
          ? { id: a.id, body: a.body, authorName: a.author?.name ?? null, status: a.status }
          : null,
        reports: reports.get(c.id) ?? [],
      };
    }),
  };
}

export type AppealItem = {
  id: string;
  target: string;
  text: string;
  status: "OPEN" | "UPHELD" | "DENIED";
  createdAt: Date;
  decisionNote: string | null;
  author: AuthorHistory | null;
  /** The rejected comment, when the appeal is about one. */
  comment: {
    id: string;
    body: string;
    status: string;
    moderationReason: string | null;
    article: { slug: string; headline: string };
  } | null;
  /** The audit record that imposed the sanction, when the appeal is about one. */
  sanction: { action: string; reason: string | null; actorName: string | null; createdAt: Date } | null;
};

/** Open appeals newest first (or the decided ones with `decided`). */
export async function listAppeals(
  actorId: string | null,
  options: { decided?: boolean; cursor?: string | null; limit?: number } = {},
): Promise<Result<{ items: AppealItem[]; nextCursor: string | null }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const rows = await db.appeal.findMany({
    where: { status: options.decided ? { not: "OPEN" } : "OPEN", ...olderThan(decodeKeyset(options.cursor)) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      userId: true,
      target: true,
      text: true,
      status: true,
      createdAt: true,
      decisionNote: true,
    },
  });
  const { items, nextCursor } = pageOf(rows, limit);
  const ids = (kind: string) =>
    items.filter((a) => a.target.startsWith(`${kind}:`)).map((a) => a.target.slice(kind.length + 1));
  const [histories, comments, records] = await Promise.all([
    authorHistories(items.map((a) => a.userId)),
    db.comment.findMany({
      where: { id: { in: ids("comment") } },
      select: {
        id: true,
        body: true,
        status: true,
        moderationReason: true,
        article: { select: { slug: true, headline: true } },
      },
    }),
    db.auditLog.findMany({
      where: { id: { in: ids("sanction") } },
      select: { id: true, action: true, reason: true, actorName: true, createdAt: true },
    }),
  ]);
  return {
    ok: true,
    nextCursor,
    items: items.map(({ userId, ...a }) => {
      const [kind, id] = a.target.split(":");
      const record = kind === "sanction" ? records.find((r) => r.id === id) : undefined;
      return {
        ...a,
        author: histories.get(userId) ?? null,
        comment: kind === "comment" ? (comments.find((c) => c.id === id) ?? null) : null,
        sanction: record
          ? {
              action: record.action,
              reason: record.reason,
              actorName: record.actorName,
              createdAt: record.createdAt,
            }
          : null,
      };
    }),
  };
}

/** Stories for the queue's article filter: those with comments, most recently published first. */
export async function listCommentedArticles(limit = 100): Promise<{ id: string; headline: string }[]> {
  return db.article.findMany({
    where: { comments: { some: {} } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, headline: true },
  });
}
