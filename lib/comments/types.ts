// The shapes that cross between the comments DAL, the server actions and the comment components.
// Plain data only (no Prisma rows), safe to pass to client components.
import type { FormState, Result } from "@/lib/result";

export const COMMENT_MAX_DEPTH = 3;
/** Comments (top-level and replies) on a page of a story's comments; threads are never split. */
export const COMMENT_PAGE_SIZE = 20;
/** Comments the story page itself shows; the rest are on the comments pages. */
export const STORY_PAGE_COMMENTS = 10;
export const COMMENT_MAX_LENGTH = 5000;
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;

export type CommentSort = "newest" | "oldest" | "top";
export const COMMENT_SORTS: readonly CommentSort[] = ["newest", "oldest", "top"];

/** One comment as readers see it. A deleted comment keeps its place with body null ("[deleted]"). */
export type CommentView = {
  id: string;
  /** The author's user id (public: it lets the viewer's own controls show), null once the account is gone. */
  authorId: string | null;
  /** Display name, or null when deleted. */
  authorName: string | null;
  authorRole: "READER" | "MODERATOR" | "ADMIN" | null;
  parentId: string | null;
  /** The comment this one answers when it is not its parent (replies past depth 3), with its author's name. */
  replyTo: { id: string; authorName: string | null } | null;
  depth: number;
  /** Markdown source; null when deleted. */
  body: string | null;
  deleted: boolean;
  score: number;
  createdAt: string;
  editedAt: string | null;
};

/** A top-level comment with its replies in display order (depth-first, oldest first inside a thread). */
export type CommentThread = {
  comment: CommentView;
  replies: CommentView[];
  /** Replies left out here (a thread longer than the story page); the comments page shows them all. */
  more?: number;
};

export type CommentPage = {
  threads: CommentThread[];
  /** Opaque keyset cursor for the next page of top-level comments, null on the last page. */
  nextCursor: string | null;
  /** Published comments on the article (the heading's count). */
  total: number;
};

/** What a comment form holds: the shared FormState, with what a success tells the thread. */
export type CommentFormState = FormState<{
  commentId?: string;
  /** After a vote: the comment's new score and the viewer's vote. */
  score?: number;
  vote?: -1 | 0 | 1;
}>;

/** Where a written comment lives: enough to invalidate its story's caches and link to it. */
type CommentRef = { commentId: string; articleId: string; articleSlug: string };

export type CreateCommentResult = Result<
  CommentRef & {
    /** The idempotency key had been used: this is the first comment. */
    duplicate: boolean;
    /** PENDING when a moderation rule held it; then `message` says so. */
    status: "PUBLISHED" | "PENDING";
    message?: string;
  }
>;
export type EditCommentResult = Result<
  CommentRef & {
    editedAt: Date | null;
    /** PENDING when the new text met a rule that holds it; then `message` says so. */
    status: "PUBLISHED" | "PENDING";
    message?: string;
  }
>;
export type DeleteCommentResult = Result<CommentRef>;
/** The comment's score after the vote, and the vote now counted. */
export type VoteCommentResult = Result<CommentRef & { score: number; value: -1 | 0 | 1 }>;
