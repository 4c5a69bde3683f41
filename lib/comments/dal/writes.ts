// Every change a reader makes to comments. Each write takes the actor's user id first (null when signed
// out), re-reads the user and authorizes inside, scopes the write itself by ownership, and answers with a
// narrow result: refusals the reader should see are results, not throws.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { COMMENT_EDIT_WINDOW_MS } from "@/lib/comments/types";
import { commentRateLimiter, type CommentRateLimiter } from "@/lib/comments/rate-limit";
import { placeReply, TOP_LEVEL, type Placement } from "@/lib/comments/threading";
import type {
  CreateCommentResult,
  DeleteCommentResult,
  EditCommentResult,
  VoteCommentResult,
} from "@/lib/comments/types";
import { visibleCommentWhere } from "@/lib/moderation/visibility";
import { takeLimit } from "@/lib/rate-limits";
import { isRefusal, refuse, validate, type Refusal } from "@/lib/result";
import { commentBodySchema, idempotencyKeySchema, idField } from "@/lib/comments/schema";
import { recordAutomaticDecision, writeAudit } from "../../moderation/dal/audit";
import { checkSlowMode, decideNewComment, type CommentDecision } from "../../moderation/dal/rules";
import {
  activeViewer,
  findArticle,
  findOpenArticle,
  isUniqueViolation,
  WriteConflict,
  withRetries,
  type OpenStory,
} from "./guards";
import { displayName, type Viewer } from "../../accounts/dal/users";

/** The same text from the same reader within this window is refused as a repeat. */
const REPEAT_WINDOW_MS = 10 * 60 * 1000;

const createInput = z.object({
  articleId: idField("story"),
  parentId: idField("comment").optional(),
  body: commentBodySchema,
  idempotencyKey: idempotencyKeySchema,
});
const editInput = z.object({ commentId: idField("comment"), body: commentBodySchema });
const deleteInput = z.object({ commentId: idField("comment") });
const voteInput = z.object({
  commentId: idField("comment"),
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], { error: "Choose up, down or clear." }),
});

const GONE = "That comment does not exist or was deleted.";
const refSelect = { id: true, articleId: true, status: true, article: { select: { slug: true } } } as const;
const refOf = (c: { id: string; articleId: string; article: { slug: string } }) => ({
  commentId: c.id,
  articleId: c.articleId,
  articleSlug: c.article.slug,
});
/** A repeat submit answers like the first did: held comments stay held. */
const statusOf = (c: { status: string }) =>
  c.status === "PENDING" ? ("PENDING" as const) : ("PUBLISHED" as const);

export type CreateCommentInput = {
  articleId: string;
  parentId?: string;
  body: string;
  idempotencyKey?: string;
};

/** What every write of a comment's text reads once: who writes, on which open story, under which rules. */
type WriteContext = { viewer: Viewer } & OpenStory;

/** The rules a body meets in its context (new comment or edit alike): where it lands. */
function moderate(ctx: WriteContext, body: string): Promise<CommentDecision> {
  return decideNewComment(
    { authorId: ctx.viewer.id, articleId: ctx.article.id, body },
    { author: ctx.viewer, article: ctx.article, settings: ctx.settings },
  );
}

/**
 * Where a reply goes: under a comment this reader can see on the same story (a shadow-banned author's
 * only by that author), by the one threading rule. A top-level comment when no parent is named.
 */
async function placeUnder(ctx: WriteContext, parentId: string | undefined): Promise<Placement | Refusal> {
  if (!parentId) return TOP_LEVEL;
  const parent = await db.comment.findFirst({
    where: { id: parentId, ...visibleCommentWhere(ctx.viewer.id) },
    select: { id: true, articleId: true, depth: true, parentId: true, threadId: true },
  });
  if (!parent) return refuse("not_repliable", "That comment can no longer be answered.");
  if (parent.articleId !== ctx.article.id)
    return refuse("not_repliable", "That comment is on another story.");
  return placeReply(parent);
}

/** Refuses a comment too soon in slow mode. */
async function checkSlow(ctx: WriteContext): Promise<Refusal | null> {
  const slow = await checkSlowMode(ctx.viewer.id, ctx.article.id, new Date(), {
    author: ctx.viewer,
    article: ctx.article,
  });
  if (!slow) return null;
  const message = `This story is in slow mode. You can comment again in ${slow.retryAfterSeconds} seconds.`;
  return refuse("rate_limited", message, { retryAfterSeconds: slow.retryAfterSeconds });
}

/**
 * What this reader posted before that a new comment must answer to, in one query: the comment stored
 * under the form's idempotency key (this submit was posted already), and whether the same text is
 * theirs within REPEAT_WINDOW_MS (refused as a repeat). The rows carry no story slug: Prisma reads a
 * relation with a second statement even when no row matched, so every post paid for a lookup that
 * only a repeated submit needs (`earlier` reads the slug then).
 */
async function priorPosts(authorId: string, key: string | undefined, body: string) {
  const rows = await db.comment.findMany({
    where: {
      authorId,
      OR: [
        ...(key ? [{ idempotencyKey: key }] : []),
        { body, status: { not: "DELETED" }, createdAt: { gt: new Date(Date.now() - REPEAT_WINDOW_MS) } },
      ],
    },
    select: { id: true, articleId: true, status: true, idempotencyKey: true },
    take: 2,
  });
  const first = key ? rows.find((r) => r.idempotencyKey === key) : undefined;
  return {
    earlier: first && (await asDuplicate(first)),
    repeated: rows.some((r) => r !== first),
  };
}

/**
 * The answer to a submit already stored as `comment`: the first one's, with its story's slug (none
 * when the story is gone meanwhile: the post then meets findOpenArticle's refusal).
 */
async function asDuplicate(comment: { id: string; articleId: string; status: string }) {
  const article = await db.article.findUnique({ where: { id: comment.articleId }, select: { slug: true } });
  if (!article) return undefined;
  return { ok: true as const, ...refOf({ ...comment, article }), duplicate: true, status: statusOf(comment) };
}

/**
 * Posts a comment, or a reply when parentId is given: reads the write context once, then validates,
 * places the reply, moderates, stores (within the rate limit) and answers.
 */
export async function createComment(
  actorId: string | null,
  input: CreateCommentInput,
  options: { limiter?: CommentRateLimiter } = {},
): Promise<CreateCommentResult> {
  const viewer = await activeViewer(actorId);
  if (isRefusal(viewer)) return viewer;
  const data = validate(createInput, input);
  if (isRefusal(data)) return data;
  const authorId = viewer.id;
  const key = data.idempotencyKey;

  // The comment stored under the form's key since the first check, answered as that check would.
  const firstWithKey = async () => {
    if (!key) return null;
    const first = await db.comment.findUnique({
      where: { authorId_idempotencyKey: { authorId, idempotencyKey: key } },
      select: { id: true, articleId: true, status: true },
    });
    return (first && (await asDuplicate(first))) ?? null;
  };
  // A retry, a second tab or a double click: the form's key says this comment was already posted.
  const { earlier, repeated } = await priorPosts(authorId, key, data.body);
  if (earlier) return earlier;

  const story = await findOpenArticle(data.articleId);
  if (isRefusal(story)) return story;
  const ctx: WriteContext = { viewer, ...story };
  const { article } = story;

  const placement = await placeUnder(ctx, data.parentId);
  if (isRefusal(placement)) return placement;
  if (repeated) {
    // The repeat may be this very submit's twin, stored since the check above: then it is a duplicate.
    const twin = await firstWithKey();
    if (twin) return twin;
    const message = "You posted this exact text a few minutes ago.";
    return refuse("repeated_text", message, { fieldErrors: { body: [message] } });
  }
  const slow = await checkSlow(ctx);
  if (slow) return slow;
  // The moderation rules (pre-moderation, links, word lists, shadow-ban) decide where it lands.
  const decision = await moderate(ctx, data.body);

  const limiter = options.limiter ?? commentRateLimiter();
  try {
    const outcome = await limiter.withinLimit(authorId, (client) =>
      client.comment.create({
        data: {
          articleId: article.id,
          authorId,
          body: data.body,
          idempotencyKey: key ?? null,
          status: decision.status,
          moderationReason: decision.reason,
          ...placement,
        },
        select: { id: true },
      }),
    );
    if (!outcome.ok)
      return (
        (await firstWithKey()) ??
        refuse("rate_limited", outcome.message, {
          retryAfterSeconds: Math.ceil(outcome.retryAfterMs / 1000),
        })
      );
    await recordAutomaticDecision(db, {
      commentId: outcome.value.id,
      authorId,
      articleId: article.id,
      ...decision,
    });
    if (decision.status === "REJECTED") return rejected(decision);
    return {
      ok: true,
      commentId: outcome.value.id,
      articleId: article.id,
      articleSlug: article.slug,
      duplicate: false,
      status: decision.status,
      ...(decision.message ? { message: decision.message } : {}),
    };
  } catch (err) {
    // The same key raced in from another request and won: answer with its comment.
    const winner = isUniqueViolation(err) ? await firstWithKey() : null;
    if (winner) return winner;
    throw err;
  }
}

/** A banned word: the text is stored REJECTED (so it can be appealed), and the author told so. */
const rejected = (decision: CommentDecision) =>
  refuse("rejected", decision.message ?? "Your comment was not published.");

/** The author's own comment, if it still exists; the checks shared by edit and delete. */
async function ownComment(commentId: string, actorId: string) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      ...refSelect,
      authorId: true,
      status: true,
      createdAt: true,
      body: true,
      previousBody: true,
      editedAt: true,
      reportCount: true,
      withdrawnAt: true,
    },
  });
  if (!comment || (comment.status === "DELETED" && comment.authorId !== actorId))
    return refuse("not_found", GONE);
  if (comment.authorId !== actorId) return refuse("not_owner", "You can only change your own comments.");
  return comment;
}

export const UNDER_REVIEW_MESSAGE =
  "This comment is waiting for a moderator, so it cannot be changed until they have read it.";

/**
 * Replaces the body of the actor's own published comment within the edit window, marking it edited.
 * The new text meets the rules a new comment meets, so an edit can be held (PENDING) or rejected; the
 * text as first posted is kept in previousBody for the moderators. A comment under review (PENDING,
 * whatever held it) cannot be edited.
 */
export async function editComment(
  actorId: string | null,
  input: { commentId: string; body: string },
): Promise<EditCommentResult> {
  const viewer = await activeViewer(actorId);
  if (isRefusal(viewer)) return viewer;
  const data = validate(editInput, input);
  if (isRefusal(data)) return data;
  const limited = await takeLimit("edit", viewer.id);
  if (limited) return limited;
  const comment = await ownComment(data.commentId, viewer.id);
  if (isRefusal(comment)) return comment;
  if (comment.status === "DELETED") return refuse("not_found", GONE);
  if (comment.status === "PENDING") return refuse("conflict", UNDER_REVIEW_MESSAGE);
  const story = await findOpenArticle(comment.articleId);
  if (isRefusal(story)) return story;

  const windowClosed = refuse("edit_window", "Comments can only be edited in the first 15 minutes.");
  if (comment.status !== "PUBLISHED") return windowClosed;
  const cutoff = new Date(Date.now() - COMMENT_EDIT_WINDOW_MS);
  if (comment.createdAt < cutoff) return windowClosed;
  if (comment.body === data.body)
    return { ok: true, ...refOf(comment), editedAt: comment.editedAt, status: "PUBLISHED" };

  const decision = await moderate({ viewer, ...story }, data.body);
  const editedAt = new Date();
  // The window, ownership and the state read are conditions of the write itself: a report that hid the
  // comment meanwhile, or a second edit, makes this one miss.
  const { count } = await db.comment.updateMany({
    where: {
      id: comment.id,
      authorId: viewer.id,
      status: "PUBLISHED",
      body: comment.body,
      createdAt: { gte: cutoff },
    },
    data: {
      body: data.body,
      editedAt,
      previousBody: comment.previousBody ?? comment.body,
      status: decision.status,
      moderationReason: decision.reason,
    },
  });
  if (count !== 1) {
    const now = await db.comment.findUnique({ where: { id: comment.id }, select: { status: true } });
    return now?.status === "PENDING" ? refuse("conflict", UNDER_REVIEW_MESSAGE) : windowClosed;
  }
  await recordAutomaticDecision(db, {
    commentId: comment.id,
    authorId: viewer.id,
    articleId: comment.articleId,
    ...decision,
    note: "after an edit",
  });
  if (decision.status === "REJECTED") return rejected(decision);
  return {
    ok: true,
    ...refOf(comment),
    editedAt,
    status: decision.status,
    ...(decision.message ? { message: decision.message } : {}),
  };
}

/**
 * Deletes the actor's own comment. A published comment nobody reported is soft-deleted: the body is
 * cleared at once (privacy) and the row stays so its replies keep their place under "[deleted]". One a
 * moderator still has to read (held, rejected, spam, or reported) is withdrawn instead: never shown to
 * readers again (a reported published one leaves the thread at once, into the Reported queue), its
 * text kept for the moderators until they decide it. Deleting twice is not an error.
 */
export async function deleteComment(
  actorId: string | null,
  input: { commentId: string },
): Promise<DeleteCommentResult> {
  const viewer = await activeViewer(actorId);
  if (isRefusal(viewer)) return viewer;
  const data = validate(deleteInput, input);
  if (isRefusal(data)) return data;
  const limited = await takeLimit("delete", viewer.id);
  if (limited) return limited;
  // A report or a moderator can change the comment between the read and the write: read again then.
  for (let attempt = 0; attempt < 3; attempt++) {
    const comment = await ownComment(data.commentId, viewer.id);
    if (isRefusal(comment)) return comment;
    // Closed stories still let a reader take back their words.
    const article = await findArticle(comment.articleId, false);
    if (isRefusal(article)) return article;
    if (comment.status === "DELETED" || comment.withdrawnAt) return { ok: true, ...refOf(comment) };
    const state = {
      id: comment.id,
      authorId: viewer.id,
      status: comment.status,
      reportCount: comment.reportCount,
    };
    const underReview = comment.status !== "PUBLISHED" || comment.reportCount > 0;
    const done = underReview
      ? await withdraw(viewer, comment, state)
      : await db.comment.updateMany({
          where: { ...state, withdrawnAt: null },
          data: { status: "DELETED", body: "", previousBody: null },
        });
    if (done.count === 1) return { ok: true, ...refOf(comment) };
  }
  return refuse("conflict", "That comment changed a moment ago. Please try again.");
}

/** Hides a comment under review from readers for good, keeping its text, and records who did it. */
function withdraw(
  viewer: Viewer,
  comment: { id: string; articleId: string; status: string; reportCount: number },
  state: Prisma.CommentWhereInput,
) {
  const published = comment.status === "PUBLISHED";
  return db.$transaction(async (tx) => {
    const moved = await tx.comment.updateMany({
      where: { ...state, withdrawnAt: null },
      data: {
        withdrawnAt: new Date(),
        // Reported but still shown: out of the thread now, as if the reports had reached the threshold.
        ...(published
          ? {
              status: "PENDING",
              moderationReason: `reports:${comment.reportCount}`,
              featured: false,
              pinnedAt: null,
            }
          : {}),
      },
    });
    if (moved.count === 1)
      await writeAudit(tx, {
        actor: { id: viewer.id, name: displayName(viewer) },
        action: "comment.withdraw",
        targetType: "comment",
        targetId: comment.id,
        subjectUserId: viewer.id,
        articleId: comment.articleId,
        before: comment.status,
        after: published ? "PENDING" : comment.status,
        note: "Withdrawn by its author while under review; the text is kept for moderators.",
      });
    return moved;
  });
}

/**
 * Sets the actor's vote on someone else's comment to +1, -1 or none (0). The vote row and the comment's
 * score change in one transaction that holds the comment's lock; the score moves by increment, and a
 * vote row found changed anyway makes the transaction start over, so no vote is counted twice or lost.
 */
export async function voteComment(
  actorId: string | null,
  input: { commentId: string; value: -1 | 0 | 1 },
): Promise<VoteCommentResult> {
  const viewer = await activeViewer(actorId);
  if (isRefusal(viewer)) return viewer;
  const data = validate(voteInput, input);
  if (isRefusal(data)) return data;
  const limited = await takeLimit("vote", viewer.id);
  if (limited) return limited;
  // Only what this reader can see can be voted on (a shadow-banned author's comment is not there).
  const comment = await db.comment.findFirst({
    where: { id: data.commentId, ...visibleCommentWhere(viewer.id) },
    select: { ...refSelect, authorId: true },
  });
  if (!comment) return refuse("not_found", GONE);
  if (comment.authorId === viewer.id) return refuse("own_comment", "You cannot vote on your own comment.");
  const article = await findArticle(comment.articleId);
  if (isRefusal(article)) return article;

  const key = { commentId: comment.id, userId: viewer.id };
  const value = data.value;
  const score = await withRetries(8, () =>
    db.$transaction(
      async (tx) => {
        // Locks the comment first (its row on PostgreSQL, the write lock on SQLite), so votes on one
        // comment queue up and each reads the vote row as the previous one left it.
        await tx.$executeRaw`UPDATE "Comment" SET "score" = "score" WHERE "id" = ${comment.id}`;
        const current = await tx.commentVote.findUnique({
          where: { commentId_userId: key },
          select: { value: true },
        });
        const old = current?.value ?? 0;
        if (old !== value) {
          if (!current) await tx.commentVote.create({ data: { ...key, value } });
          else {
            const changed =
              value === 0
                ? await tx.commentVote.deleteMany({ where: { ...key, value: old } })
                : await tx.commentVote.updateMany({ where: { ...key, value: old }, data: { value } });
            if (changed.count !== 1) throw new WriteConflict();
          }
        }
        const updated = await tx.comment.update({
          where: { id: comment.id },
          data: { score: { increment: value - old } },
          select: { score: true },
        });
        return updated.score;
      },
      { maxWait: 10_000, timeout: 15_000 },
    ),
  );
  return { ok: true, ...refOf(comment), score, value };
}
