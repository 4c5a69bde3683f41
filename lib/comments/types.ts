// The shapes that cross between the comments DAL, the server actions and the comment components.
// Plain data only (no Prisma rows), safe to pass to client components.

export const COMMENT_MAX_DEPTH = 3;
export const COMMENT_PAGE_SIZE = 50;
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
export type CommentThread = { comment: CommentView; replies: CommentView[] };

export type CommentPage = {
  threads: CommentThread[];
  /** Opaque keyset cursor for the next page of top-level comments, null on the last page. */
  nextCursor: string | null;
  /** Published comments on the article (the heading's count). */
  total: number;
};

/** The one result type of every comment form and action. */
export type CommentFormState =
  | null
  | {
      ok: true;
      message: string;
      commentId?: string;
      /** After a vote: the comment's new score and the viewer's vote. */
      score?: number;
      vote?: -1 | 0 | 1;
    }
  | { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };
