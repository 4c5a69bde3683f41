// Public reads of comments: the section under a story, its count, the front page's most-commented
// rail and permalinks into later pages. Writes and their permission checks are in comment-writes.ts.
import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { encodeCommentCursor, type CommentCursor } from "@/lib/comments/cursor";
import { pageStartOf, threadsOnPage } from "@/lib/comments/paging";
import {
  COMMENT_EDIT_WINDOW_MS,
  COMMENT_PAGE_SIZE,
  STORY_PAGE_COMMENTS,
  type CommentPage,
  type CommentSort,
  type CommentView,
} from "@/lib/comments/types";
import {
  notShadowBanned,
  ownHiddenCommentWhere,
  publicCommentWhere,
  visibleCommentWhere,
} from "@/lib/moderation/visibility";
import { db } from "../../db";
import { published, summarySelect, toSummary, type ArticleSummary } from "../../stories/dal/articles";
import { assembleThreads, commentRowSelect, toCommentView, type CommentRow } from "./threads";

export type CommentedStory = ArticleSummary & { commentCount: number };

type Where = Prisma.CommentWhereInput;
type Order = Prisma.CommentOrderByWithRelationInput[];

/** A deleted comment keeps its place while a published reply hangs below it (at most two levels). */
const hasVisibleReplies: Where = {
  replies: {
    some: {
      OR: [publicCommentWhere, { status: "DELETED", replies: { some: publicCommentWhere } }],
    },
  },
};

// Published and deleted-but-still-shown top-level comments are read by two queries, each an ordered
// range of one index (the status is an equality there), then merged: an OR on the status would make
// the database sort every top-level comment of a 20k-comment story for each page.
const topLevel = (articleId: string, status: "PUBLISHED" | "DELETED"): Where => ({
  articleId,
  parentId: null,
  status,
  ...(status === "DELETED" ? hasVisibleReplies : notShadowBanned),
});

function orderFor(sort: CommentSort): Order {
  if (sort === "top") return [{ score: "desc" }, { id: "desc" }];
  const dir = sort === "newest" ? "desc" : "asc";
  return [{ createdAt: dir }, { id: dir }];
}

/** Comments after the cursor in its sort order. */
function afterCursor(c: CommentCursor): Where {
  if (c.sort === "top") return { OR: [{ score: { lt: c.score } }, { score: c.score, id: { lt: c.id } }] };
  const op = c.sort === "newest" ? "lt" : "gt";
  return { OR: [{ createdAt: { [op]: c.createdAt } }, { createdAt: c.createdAt, id: { [op]: c.id } }] };
}

/** What ordering and cursors read of a comment. */
type Ordered = Pick<CommentRow, "id" | "createdAt" | "score">;

function compare(sort: CommentSort) {
  return (a: Ordered, b: Ordered): number => {
    const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    if (sort === "top") return b.score - a.score || -byId;
    const t = a.createdAt.getTime() - b.createdAt.getTime() || byId;
    return sort === "newest" ? -t : t;
  };
}

function cursorOf(row: Ordered, sort: CommentSort): string {
  return encodeCommentCursor(
    sort === "top" ? { sort, score: row.score, id: row.id } : { sort, createdAt: row.createdAt, id: row.id },
  );
}

async function topLevelRows(articleId: string, sort: CommentSort, where: Where, take: number) {
  const query = (status: "PUBLISHED" | "DELETED") =>
    db.comment.findMany({
      where: { ...topLevel(articleId, status), ...where },
      orderBy: orderFor(sort),
      take,
      select: commentRowSelect,
    });
  const [live, deleted] = await Promise.all([query("PUBLISHED"), query("DELETED")]);
  return [...live, ...deleted].sort(compare(sort)).slice(0, take);
}

/** Published comments on one story (the heading's count and the JSON-LD commentCount). */
export async function countComments(articleId: string): Promise<number> {
  return db.comment.count({ where: { articleId, ...publicCommentWhere } });
}

/** A reply that is read with its thread: published (not shadow-banned), or a "[deleted]" placeholder. */
const threadReply: Where = { OR: [publicCommentWhere, { status: "DELETED" }] };

/**
 * Comments in each thread (its top-level comment and replies), by top-level id; `ids` or a whole story.
 * A whole story's top-level comments come back as one more group (no threadId), left out here: asking
 * for `threadId IS NOT NULL` instead let SQLite read by a range of the thread index, every reply on the
 * site, where the story's own index range is all it needs (__tests__/integration/sqlite/comment-read-plans).
 */
async function threadSizes(where: { ids: string[] } | { articleId: string }): Promise<Map<string, number>> {
  const groups = await db.comment.groupBy({
    by: ["threadId"],
    where: {
      ...("ids" in where ? { threadId: { in: where.ids } } : { articleId: where.articleId }),
      ...threadReply,
    },
    _count: { _all: true },
  });
  return new Map(groups.flatMap((g) => (g.threadId === null ? [] : [[g.threadId, 1 + g._count._all]])));
}

/**
 * One page of a story's threads: whole threads after `cursor` in `sort` order while their comments
 * fit in `limit` (at least one thread; see paging.ts), with all their replies, plus the published count.
 */
export async function listCommentPage(
  articleId: string,
  {
    sort = "newest",
    cursor = null,
    limit = COMMENT_PAGE_SIZE,
    cut = false,
  }: {
    sort?: CommentSort;
    cursor?: CommentCursor | null;
    /** Comments on the page. */
    limit?: number;
    /**
     * Cut a first thread longer than the page to its first `limit` comments (the story page, whose
     * "more replies" link opens the comments page that shows it whole); else it gets a page of its own.
     */
    cut?: boolean;
  } = {},
): Promise<CommentPage> {
  const size = Math.min(Math.max(1, limit), 100);
  const where = cursor && cursor.sort === sort ? afterCursor(cursor) : {};
  // Every thread is at least one comment: `size` threads are the most a page can hold.
  const [rows, total] = await Promise.all([
    topLevelRows(articleId, sort, where, size + 1),
    countComments(articleId),
  ]);
  const sizes =
    rows.length === 0 ? new Map<string, number>() : await threadSizes({ ids: rows.map((r) => r.id) });
  const fit = threadsOnPage(
    rows.map((r) => sizes.get(r.id) ?? 1),
    size,
  );
  const tops = rows.slice(0, fit);
  const replies =
    tops.length === 0
      ? []
      : await db.comment.findMany({
          where: { threadId: { in: tops.map((t) => t.id) }, ...threadReply },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: commentRowSelect,
        });
  const threads = assembleThreads(tops, replies);
  if (cut && threads.length === 1 && threads[0].replies.length >= size) {
    const [{ comment, replies: all }] = threads;
    threads[0] = { comment, replies: all.slice(0, size - 1), more: all.length - (size - 1) };
  }
  return {
    threads,
    nextCursor: rows.length > tops.length ? cursorOf(tops[tops.length - 1], sort) : null,
    total,
  };
}

export type CommentLocation = {
  articleSlug: string;
  threadId: string;
  sort: "newest";
  /** The `after` cursor of the page (newest first) holding the thread; null for the first page. */
  cursor: string | null;
  /**
   * Where the first page is: the story page, or the first comments page when the story page shows
   * the thread cut short (a first thread longer than the story page).
   */
  first: "story" | "comments";
};

/** Shown in a thread: visible to the viewer, or a "[deleted]" placeholder holding visible replies. */
const shownTo = (viewerId: string | null): Where => ({
  OR: [visibleCommentWhere(viewerId), { status: "DELETED", ...hasVisibleReplies }],
});

/**
 * Where a comment the viewer may see is shown, for permalinks that must work on any page; null if it is
 * not shown to them (held, removed, a shadow-banned author's unless the viewer wrote it, or under a
 * comment that is not shown).
 */
export async function locateComment(
  commentId: string,
  viewerId: string | null = null,
): Promise<CommentLocation | null> {
  if (typeof commentId !== "string" || commentId.length > 64) return null;
  const found = await db.comment.findFirst({
    where: { id: commentId, ...shownTo(viewerId) },
    select: {
      id: true,
      threadId: true,
      parentId: true,
      author: { select: { shadowBanned: true } },
      article: { select: { id: true, slug: true, status: true } },
    },
  });
  if (!found || found.article.status !== "PUBLISHED") return null;
  // A reply is only on the page when the comments above it are (at most two of them).
  const above = [...new Set([found.parentId, found.threadId].filter((id): id is string => !!id))];
  if (
    above.length &&
    (await db.comment.count({ where: { id: { in: above }, ...shownTo(viewerId) } })) < above.length
  )
    return null;
  const location = {
    articleSlug: found.article.slug,
    threadId: found.threadId ?? found.id,
    sort: "newest" as const,
    first: "story" as const,
  };
  // The viewer's own comment under a shadow-ban is in no public page: their own box on the story shows it.
  if (found.author?.shadowBanned) return { ...location, cursor: null };
  const articleId = found.article.id;
  const topId = found.threadId ?? found.id;
  const top = await db.comment.findUnique({ where: { id: topId }, select: commentRowSelect });
  if (!top) return null;
  // Pages are packed by comments (paging.ts), so where a thread lands depends on the size of every newer
  // thread: read them all (two index ranges and one grouped count), as the pages would have been read.
  const newer = afterCursor({ sort: "oldest", createdAt: top.createdAt, id: top.id });
  const [ahead, sizes] = await Promise.all([
    Promise.all(
      (["PUBLISHED", "DELETED"] as const).map((status) =>
        db.comment.findMany({
          where: { ...topLevel(articleId, status), ...newer },
          select: { id: true, createdAt: true, score: true },
        }),
      ),
    ),
    threadSizes({ articleId }),
  ]);
  const order = [...ahead.flat(), top].sort(compare("newest"));
  const start = pageStartOf(
    order.map((t) => sizes.get(t.id) ?? 1),
    order.length - 1,
  );
  if (start === 0)
    return order.length === 1 && (sizes.get(top.id) ?? 1) > STORY_PAGE_COMMENTS
      ? { ...location, cursor: null, first: "comments" }
      : { ...location, cursor: null };
  return { ...location, cursor: cursorOf(order[start - 1], "newest") };
}

export type CommentInContext = {
  comment: CommentView;
  article: { id: string; slug: string; headline: string; commentsClosed: boolean };
};

/**
 * A published comment the viewer may see (a shadow-banned author's only by its author) on a published
 * story, for the reply, edit and report pages.
 */
export async function findComment(
  commentId: string,
  viewerId: string | null = null,
): Promise<CommentInContext | null> {
  if (typeof commentId !== "string" || commentId.length > 64) return null;
  const row = await db.comment.findFirst({
    where: { id: commentId, ...visibleCommentWhere(viewerId) },
    select: {
      ...commentRowSelect,
      article: { select: { id: true, slug: true, headline: true, commentsClosed: true, status: true } },
    },
  });
  if (!row || row.status !== "PUBLISHED" || row.article.status !== "PUBLISHED") return null;
  const { status: _status, ...article } = row.article;
  void _status;
  return { comment: toCommentView(row), article };
}

/**
 * The slug of the published story a comment of any status belongs to, and nothing else about it: the
 * report page uses it to say "no longer shown" (instead of a 404) once a report has hidden the comment.
 * A shadow-banned author's comment does not exist for anyone but its author.
 */
export async function commentStorySlug(
  commentId: string,
  viewerId: string | null = null,
): Promise<string | null> {
  if (typeof commentId !== "string" || commentId.length > 64) return null;
  const row = await db.comment.findFirst({
    where: {
      id: commentId,
      ...(viewerId ? { OR: [notShadowBanned, { authorId: viewerId }] } : notShadowBanned),
    },
    select: { article: { select: { slug: true, status: true } } },
  });
  return row && row.article.status === "PUBLISHED" ? row.article.slug : null;
}

export type ViewerCommentState = {
  /** The viewer's own comments on the story still inside the edit window, with their source. */
  editable: { id: string; body: string }[];
  votes: { commentId: string; value: number }[];
};

/** What only the signed-in viewer sees on a story: which comments they may still edit, their votes. */
export async function viewerCommentState(
  viewerId: string,
  articleId: string,
  now = new Date(),
): Promise<ViewerCommentState> {
  const [editable, votes] = await Promise.all([
    db.comment.findMany({
      where: {
        authorId: viewerId,
        articleId,
        status: "PUBLISHED",
        createdAt: { gt: new Date(now.getTime() - COMMENT_EDIT_WINDOW_MS) },
      },
      select: { id: true, body: true },
      take: 100,
    }),
    db.commentVote.findMany({
      where: { userId: viewerId, comment: { articleId } },
      select: { commentId: true, value: true },
      orderBy: { createdAt: "desc" },
      take: 500,
    }),
  ]);
  return { editable, votes };
}

export type OwnHiddenComment = {
  comment: CommentView;
  /** Held for a moderator (shown "Awaiting moderation"); false for a shadow-banned author's comment,
   * which must look published to them. */
  awaiting: boolean;
};

/**
 * The viewer's own comments on a story that nobody else sees (held, or shadow-banned), newest first,
 * for the "your comments" box in the per-viewer part of the page. Never put this in a shared cache.
 */
export async function listOwnHiddenComments(
  viewerId: string,
  articleId: string,
  limit = 20,
): Promise<OwnHiddenComment[]> {
  if (!viewerId || !articleId) return [];
  const rows = await db.comment.findMany({
    where: { articleId, ...ownHiddenCommentWhere(viewerId) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, limit), 50),
    select: commentRowSelect,
  });
  return rows.map((row) => ({ comment: toCommentView(row), awaiting: row.status === "PENDING" }));
}

/**
 * How far back the front page's "Most commented" rail looks: the newest this many published stories.
 * Counting every published comment on the site took 6–7 s on SQLite at 2,000,000 comments (a query
 * that blocks the server while it runs, and ran again each time a new comment expired the front page);
 * counting those of the newest 100 stories takes 15–30 ms there. It also makes the rail what a reader
 * expects of it: the conversations of the current news, not the busiest story of years ago.
 */
export const MOST_COMMENTED_WINDOW = 100;

/** The front page's "Most commented" rail: the newest published stories by published comment count. */
export async function listMostCommented(limit = 5): Promise<CommentedStory[]> {
  const recent = await db.article.findMany({
    where: published,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: MOST_COMMENTED_WINDOW,
    select: { id: true },
  });
  if (recent.length === 0) return [];
  const groups = await db.comment.groupBy({
    by: ["articleId"],
    where: { ...publicCommentWhere, articleId: { in: recent.map((r) => r.id) } },
    _count: { articleId: true },
    orderBy: [{ _count: { articleId: "desc" } }, { articleId: "asc" }],
    take: Math.min(Math.max(1, limit), 20),
  });
  if (groups.length === 0) return [];
  const rows = await db.article.findMany({
    where: { id: { in: groups.map((g) => g.articleId) }, ...published },
    select: summarySelect,
  });
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return groups.flatMap((g) => {
    const story = byId.get(g.articleId);
    return story ? [{ ...story, commentCount: g._count.articleId }] : [];
  });
}
