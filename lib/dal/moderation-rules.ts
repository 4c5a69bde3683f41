// The rules a new comment meets, for lib/dal/comment-writes.ts:
//
//   decideNewComment({ authorId, articleId, body }): Promise<CommentDecision>
//     → { status: "PUBLISHED" | "PENDING" | "REJECTED", reason: string | null, message?: string }
//     Store `status` and `reason` (Comment.moderationReason) on the new comment; show `message` to the
//     author. A shadow-banned author gets PUBLISHED with reason "shadow-ban"; readers' queries hide it
//     (lib/moderation/visibility.ts).
//   checkSlowMode(authorId, articleId, now?): Promise<null | { retryAfterSeconds: number }>
//   isCommentingOpen(article, settings, now?): boolean
//     article: { commentsClosed, publishedAt, autoCloseDays }, settings: { autoCloseDays } (getSiteSettings)
//   commentingStatus(articleId, now?): Promise<{ open: boolean; closesAt: Date | null } | null>
import "server-only";
import { db } from "@/lib/db";
import {
  autoCloseAt,
  decide,
  isCommentingOpen,
  slowModeWait,
  type CommentDecision,
} from "@/lib/moderation/rules";
import { getSiteSettings } from "./moderation-settings";

export { isCommentingOpen, type CommentDecision };
export { getSiteSettings };

export async function decideNewComment(input: {
  authorId: string;
  articleId: string;
  body: string;
}): Promise<CommentDecision> {
  const [author, article, settings, publishedComments] = await Promise.all([
    db.user.findUnique({
      where: { id: input.authorId },
      select: { role: true, premoderate: true, shadowBanned: true },
    }),
    db.article.findUnique({ where: { id: input.articleId }, select: { premoderation: true } }),
    getSiteSettings(),
    db.comment.count({ where: { authorId: input.authorId, status: "PUBLISHED" } }),
  ]);
  // The write path has already checked both exist; hold rather than publish if one vanished meanwhile.
  if (!author || !article) return { status: "PENDING", reason: "missing-context" };
  return decide({ ...author, publishedComments }, article.premoderation, settings, input.body);
}

/**
 * Slow mode counts every comment the reader left on the story (held ones too: otherwise a held comment
 * would let them post again at once). Staff are exempt.
 */
export async function checkSlowMode(
  authorId: string,
  articleId: string,
  now: Date = new Date(),
): Promise<null | { retryAfterSeconds: number }> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { slowModeSeconds: true },
  });
  if (!article?.slowModeSeconds) return null;
  const [author, last] = await Promise.all([
    db.user.findUnique({ where: { id: authorId }, select: { role: true } }),
    db.comment.findFirst({
      where: { authorId, articleId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  if (author && author.role !== "READER") return null;
  const wait = slowModeWait(article.slowModeSeconds, last?.createdAt ?? null, now);
  return wait === null ? null : { retryAfterSeconds: wait };
}

/** For the comment form: whether the story takes comments, and when it stops. Null for unknown stories. */
export async function commentingStatus(
  articleId: string,
  now: Date = new Date(),
): Promise<{ open: boolean; closesAt: Date | null } | null> {
  const [article, settings] = await Promise.all([
    db.article.findUnique({
      where: { id: articleId },
      select: { commentsClosed: true, publishedAt: true, autoCloseDays: true },
    }),
    getSiteSettings(),
  ]);
  if (!article) return null;
  return { open: isCommentingOpen(article, settings, now), closesAt: autoCloseAt(article, settings) };
}
