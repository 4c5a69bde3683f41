// The rules a new comment meets, for lib/comments/dal/writes.ts:
//
//   decideNewComment({ authorId, articleId, body }, context?): Promise<CommentDecision>
//     → { status: "PUBLISHED" | "PENDING" | "REJECTED", reason: string | null, message?: string }
//     Store `status` and `reason` (Comment.moderationReason) on the new comment; show `message` to the
//     author. A shadow-banned author gets PUBLISHED with reason "shadow-ban"; readers' queries hide it
//     (lib/moderation/visibility.ts). An edit meets the same rules (editComment): its published count
//     includes the comment edited, so a reader past the first N keeps an edit published unless the
//     user's or story's pre-moderation, links or a word list holds it.
//   checkSlowMode(authorId, articleId, now?, context?): Promise<null | { retryAfterSeconds: number }>
//     `context` (NewCommentContext) is what the write path has already read in this request: given it,
//     they do not read the story, the site settings or (slow mode) the author's role again.
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
  type PremoderationMode,
  type RuleAuthor,
  type RuleSettings,
} from "@/lib/moderation/rules";
import { getSiteSettings } from "./settings";

export { isCommentingOpen, type CommentDecision };
export { getSiteSettings };

/**
 * Rows the write path has already read in this request (the settings too: fresh from the database,
 * never kept across requests). The author's role, and their flags when the caller has them (the write
 * path's viewer row does), come from here; the published count is read by decideNewComment.
 */
export type NewCommentContext = {
  author: Pick<RuleAuthor, "role"> & Partial<Pick<RuleAuthor, "premoderate" | "shadowBanned">>;
  article: { premoderation: PremoderationMode | null; slowModeSeconds: number | null };
  settings: RuleSettings;
};

const hasFlags = (a: NewCommentContext["author"] | undefined) =>
  a && a.premoderate !== undefined && a.shadowBanned !== undefined
    ? { role: a.role, premoderate: a.premoderate, shadowBanned: a.shadowBanned }
    : undefined;

export async function decideNewComment(
  input: { authorId: string; articleId: string; body: string },
  context?: NewCommentContext,
): Promise<CommentDecision> {
  const [author, article, settings] = await Promise.all([
    hasFlags(context?.author) ??
      db.user.findUnique({
        where: { id: input.authorId },
        select: { role: true, premoderate: true, shadowBanned: true },
      }),
    context?.article ??
      db.article.findUnique({ where: { id: input.articleId }, select: { premoderation: true } }),
    context?.settings ?? getSiteSettings(),
  ]);
  // The write path has already checked both exist; hold rather than publish if one vanished meanwhile.
  if (!author || !article) return { status: "PENDING", reason: "missing-context" };
  const publishedComments = await countForNewUserRule(input.authorId, author, article, settings);
  return decide({ ...author, publishedComments }, article.premoderation, settings, input.body);
}

/**
 * The author's published comments, as far as the new-user rule looks: read only when that rule is in
 * force for a reader, and counted up to `premoderateFirstN` (a prolific reader's count stops there).
 * Otherwise the rules never look at it, and no query is made.
 */
function countForNewUserRule(
  authorId: string,
  author: Pick<RuleAuthor, "role">,
  article: { premoderation: PremoderationMode | null },
  settings: RuleSettings,
): Promise<number> | number {
  const mode = article.premoderation ?? settings.premoderation;
  if (author.role !== "READER" || mode !== "NEW_USERS" || settings.premoderateFirstN <= 0) return 0;
  return db.comment.count({
    where: { authorId, status: "PUBLISHED" },
    take: settings.premoderateFirstN,
  });
}

/**
 * Slow mode counts every comment the reader left on the story (held ones too: otherwise a held comment
 * would let them post again at once). Staff are exempt.
 */
export async function checkSlowMode(
  authorId: string,
  articleId: string,
  now: Date = new Date(),
  context?: Pick<NewCommentContext, "author" | "article">,
): Promise<null | { retryAfterSeconds: number }> {
  const article =
    context?.article ??
    (await db.article.findUnique({ where: { id: articleId }, select: { slowModeSeconds: true } }));
  if (!article?.slowModeSeconds) return null;
  const [author, last] = await Promise.all([
    context?.author ?? db.user.findUnique({ where: { id: authorId }, select: { role: true } }),
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
