// Every change a reader makes to comments. Each write takes the actor's user id first (null when signed
// out), re-reads the user and authorizes inside, scopes the write itself by ownership, and answers with a
// narrow result: refusals the reader should see are results, not throws.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { COMMENT_EDIT_WINDOW_MS, COMMENT_MAX_DEPTH } from "@/lib/comments/types";
import { commentRateLimiter, type CommentRateLimiter } from "@/lib/comments/rate-limit";
import type {
  CreateCommentResult,
  DeleteCommentResult,
  EditCommentResult,
  VoteCommentResult,
} from "@/lib/comments/types";
import { takeLimit } from "@/lib/rate-limits";
import { isRefusal, refuse, validate } from "@/lib/result";
import { commentBodySchema, idempotencyKeySchema, idField } from "@/lib/schemas/comment";
import { checkSlowMode, decideNewComment } from "./moderation-rules";
import {
  activeViewer,
  findArticle,
  findOpenArticle,
  isUniqueViolation,
  WriteConflict,
  withRetries,
} from "./comment-guards";

/** The same text from the same reader within this window is refused as a repeat. */
export const REPEAT_WINDOW_MS = 10 * 60 * 1000;

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
const statusOf = (c: { status: string }) => (c.status === "PENDING" ? ("PENDING" as const) : ("PUBLISHED" as const));

export type CreateCommentInput = {
  articleId: string;
  parentId?: string;
  body: string;
  idempotencyKey?: string;
};

/** Posts a comment, or a reply when parentId is given. */
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

  const firstWithKey = async () => {
    if (!key) return null;
    const first = await db.comment.findUnique({
      where: { authorId_idempotencyKey: { authorId, idempotencyKey: key } },
      select: refSelect,
    });
    return first && { ok: true as const, ...refOf(first), duplicate: true, status: statusOf(first) };
  };
  // A retry, a second tab or a double click: the form's key says this comment was already posted.
  const earlier = await firstWithKey();
  if (earlier) return earlier;

  const story = await findOpenArticle(data.articleId);
  if (isRefusal(story)) return story;
  const { article, settings } = story;
  // Handed to the rules so they do not read the story, the settings or the role a second time.
  const context = { author: viewer, article, settings };

  let placement: {
    parentId: string | null;
    threadId: string | null;
    replyToId: string | null;
    depth: number;
  } = {
    parentId: null,
    threadId: null,
    replyToId: null,
    depth: 1,
  };
  if (data.parentId) {
    const parent = await db.comment.findUnique({
      where: { id: data.parentId },
      select: { id: true, articleId: true, status: true, depth: true, parentId: true, threadId: true },
    });
    if (!parent || parent.status !== "PUBLISHED")
      return refuse("not_repliable", "That comment can no longer be answered.");
    if (parent.articleId !== article.id) return refuse("not_repliable", "That comment is on another story.");
    // Past the deepest level a reply sits beside the comment it answers and names it.
    placement =
      parent.depth < COMMENT_MAX_DEPTH
        ? {
            parentId: parent.id,
            threadId: parent.threadId ?? parent.id,
            replyToId: null,
            depth: parent.depth + 1,
          }
        : {
            parentId: parent.parentId,
            threadId: parent.threadId,
            replyToId: parent.id,
            depth: COMMENT_MAX_DEPTH,
          };
  }

  const repeated = await db.comment.findFirst({
    where: {
      authorId,
      body: data.body,
      status: { not: "DELETED" },
      createdAt: { gt: new Date(Date.now() - REPEAT_WINDOW_MS) },
    },
    select: { id: true },
  });
  if (repeated) {
    // The repeat may be this very submit's twin, stored since the check above: then it is a duplicate.
    const twin = await firstWithKey();
    if (twin) return twin;
    const message = "You posted this exact text a few minutes ago.";
    return refuse("repeated_text", message, { fieldErrors: { body: [message] } });
  }

  const slow = await checkSlowMode(authorId, article.id, new Date(), context);
  if (slow) {
    const message = `This story is in slow mode. You can comment again in ${slow.retryAfterSeconds} seconds.`;
    return refuse("rate_limited", message, { retryAfterSeconds: slow.retryAfterSeconds });
  }
  // The moderation rules (pre-moderation, links, word lists, shadow-ban) decide where it lands.
  const decision = await decideNewComment({ authorId, articleId: article.id, body: data.body }, context);

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
    if (decision.status === "REJECTED")
      return refuse("rejected", decision.message ?? "Your comment was not published.");
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

/** The author's own comment, if it still exists; the checks shared by edit, delete and vote. */
async function ownComment(commentId: string, actorId: string) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { ...refSelect, authorId: true, status: true, createdAt: true, body: true, editedAt: true },
  });
  if (!comment || (comment.status === "DELETED" && comment.authorId !== actorId))
    return refuse("not_found", GONE);
  if (comment.authorId !== actorId) return refuse("not_owner", "You can only change your own comments.");
  return comment;
}

const EDITABLE = ["PUBLISHED", "PENDING"] as const;

/** Replaces the body of the actor's own comment within the edit window, marking it edited. */
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
  const article = await findArticle(comment.articleId);
  if (isRefusal(article)) return article;

  const windowClosed = refuse("edit_window", "Comments can only be edited in the first 15 minutes.");
  if (!(EDITABLE as readonly string[]).includes(comment.status)) return windowClosed;
  const cutoff = new Date(Date.now() - COMMENT_EDIT_WINDOW_MS);
  if (comment.createdAt < cutoff) return windowClosed;
  if (comment.body === data.body) return { ok: true, ...refOf(comment), editedAt: comment.editedAt };

  const editedAt = new Date();
  // The window and ownership are conditions of the write itself, not only of the read above.
  const { count } = await db.comment.updateMany({
    where: { id: comment.id, authorId: viewer.id, status: { in: [...EDITABLE] }, createdAt: { gte: cutoff } },
    data: { body: data.body, editedAt },
  });
  return count === 1 ? { ok: true, ...refOf(comment), editedAt } : windowClosed;
}

/**
 * Soft-deletes the actor's own comment: the body is cleared at once (privacy), the row stays so its
 * replies keep their place under "[deleted]". Deleting twice is not an error.
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
  const comment = await ownComment(data.commentId, viewer.id);
  if (isRefusal(comment)) return comment;
  // Closed stories still let a reader take back their words.
  const article = await findArticle(comment.articleId, false);
  if (isRefusal(article)) return article;
  await db.comment.updateMany({
    where: { id: comment.id, authorId: viewer.id, status: { not: "DELETED" } },
    data: { status: "DELETED", body: "" },
  });
  return { ok: true, ...refOf(comment) };
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
  const comment = await db.comment.findUnique({
    where: { id: data.commentId },
    select: { ...refSelect, authorId: true, status: true },
  });
  if (!comment || comment.status !== "PUBLISHED") return refuse("not_found", GONE);
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
