// The rules that route a new comment, as pure functions over plain data. lib/moderation/dal/rules.ts
// loads that data and exposes the three calls comment writes make:
//
//   decideNewComment({ authorId, articleId, body }, context?): Promise<CommentDecision>
//   checkSlowMode(authorId, articleId, now?, context?): Promise<null | { retryAfterSeconds: number }>
//   isCommentingOpen(article, settings, now?): boolean        (pure; re-exported there)
import { countLinks, findListedWord } from "./words";

export type PremoderationMode = "OFF" | "NEW_USERS" | "ALL";

/** Where a new comment goes. `message` is for the author, when they must be told something. */
export type CommentDecision = {
  status: "PUBLISHED" | "PENDING" | "REJECTED";
  /** Stored in Comment.moderationReason: the rule that routed it, null when none did. */
  reason: string | null;
  message?: string;
};

export type RuleSettings = {
  premoderation: PremoderationMode;
  premoderateFirstN: number;
  maxLinks: number;
  suspectWords: string;
  bannedWords: string;
};

export type RuleAuthor = {
  role: "READER" | "MODERATOR" | "ADMIN";
  premoderate: boolean;
  shadowBanned: boolean;
  /** Their comments a moderator let through or that published: PUBLISHED ones. */
  publishedComments: number;
};

const SHADOW_BAN_REASON = "shadow-ban";
export const BANNED_WORD_MESSAGE = "Your comment was not published because it breaks our community rules.";
export const PENDING_MESSAGE = "Thanks — your comment will appear once a moderator has read it.";

const pending = (reason: string): CommentDecision => ({
  status: "PENDING",
  reason,
  message: PENDING_MESSAGE,
});

/**
 * Banned words first (a rejection beats a hold), then the holds, most specific first: the user, the
 * story, the site, links, suspect words. A shadow-banned author's comment is stored PUBLISHED with
 * reason "shadow-ban"; readers' queries hide every comment whose author is shadow-banned (see
 * lib/moderation/visibility.ts), so the author sees nothing unusual. Staff skip the rules.
 */
export function decide(
  author: RuleAuthor,
  articlePremoderation: PremoderationMode | null,
  settings: RuleSettings,
  body: string,
): CommentDecision {
  if (author.role !== "READER") return { status: "PUBLISHED", reason: null };
  const banned = findListedWord(body, settings.bannedWords);
  if (banned) return { status: "REJECTED", reason: `banned-word:${banned}`, message: BANNED_WORD_MESSAGE };
  if (author.shadowBanned) return { status: "PUBLISHED", reason: SHADOW_BAN_REASON };
  if (author.premoderate) return pending("premoderate:user");
  const mode = articlePremoderation ?? settings.premoderation;
  const source = articlePremoderation ? "article" : "site";
  if (mode === "ALL") return pending(`premoderate:${source}`);
  if (mode === "NEW_USERS" && author.publishedComments < settings.premoderateFirstN)
    return pending(`premoderate:new-user:${source}`);
  const links = countLinks(body);
  if (links > settings.maxLinks) return pending(`links:${links}`);
  const suspect = findListedWord(body, settings.suspectWords);
  if (suspect) return pending(`suspect-word:${suspect}`);
  return { status: "PUBLISHED", reason: null };
}

export type CommentingArticle = {
  commentsClosed: boolean;
  publishedAt: Date | null;
  autoCloseDays: number | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** When comments close by themselves, or null when they never do (0 days on the story means never). */
export function autoCloseAt(
  article: CommentingArticle,
  settings: { autoCloseDays: number | null },
): Date | null {
  const days = article.autoCloseDays ?? settings.autoCloseDays;
  if (!days || days <= 0 || !article.publishedAt) return null;
  return new Date(article.publishedAt.getTime() + days * DAY_MS);
}

/** Open unless a moderator closed the story or its auto-close time has passed (the story's days win). */
export function isCommentingOpen(
  article: CommentingArticle,
  settings: { autoCloseDays: number | null },
  now: Date = new Date(),
): boolean {
  if (article.commentsClosed) return false;
  const closesAt = autoCloseAt(article, settings);
  return closesAt === null || now < closesAt;
}

/** Seconds until slow mode lets this reader comment again on the story, or null when they may now. */
export function slowModeWait(
  slowModeSeconds: number | null,
  lastCommentAt: Date | null,
  now: Date,
): number | null {
  if (!slowModeSeconds || slowModeSeconds <= 0 || !lastCommentAt) return null;
  const elapsed = (now.getTime() - lastCommentAt.getTime()) / 1000;
  return elapsed >= slowModeSeconds ? null : Math.ceil(slowModeSeconds - elapsed);
}
