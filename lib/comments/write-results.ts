// What the comment writes (lib/dal/comment-writes.ts) answer. Expected refusals are results, not throws,
// so an action can hand them to the form as they are.

export type CommentWriteCode =
  /** No session, or the session's user no longer exists. */
  | "unauthenticated"
  | "suspended"
  | "banned"
  /** The input failed validation; fieldErrors says where. */
  | "invalid"
  /** Unknown, draft or unpublished story, or an unknown or deleted comment. */
  | "not_found"
  | "closed"
  /** The comment answered is on another story or is not visible. */
  | "not_repliable"
  /** Someone else's comment. */
  | "not_owner"
  | "edit_window"
  | "repeated_text"
  | "rate_limited"
  | "own_comment"
  /** A banned word: the comment is stored as REJECTED (so it can be appealed) and not shown. */
  | "rejected";

export type CommentWriteRefusal = {
  ok: false;
  code: CommentWriteCode;
  message: string;
  fieldErrors?: Partial<Record<string, string[]>>;
  /** With rate_limited: when the next comment will be accepted. */
  retryAfterSeconds?: number;
};

/** Where a written comment lives: enough to invalidate its story's caches and link to it. */
export type CommentRef = { commentId: string; articleId: string; articleSlug: string };

export type CreateCommentResult =
  | (CommentRef & {
      ok: true;
      /** The idempotency key had been used: this is the first comment. */ duplicate: boolean;
      /** PENDING when a moderation rule held it; then `message` says so. */
      status: "PUBLISHED" | "PENDING";
      message?: string;
    })
  | CommentWriteRefusal;
export type EditCommentResult = (CommentRef & { ok: true; editedAt: Date | null }) | CommentWriteRefusal;
export type DeleteCommentResult = (CommentRef & { ok: true }) | CommentWriteRefusal;
export type VoteCommentResult =
  | (CommentRef & { ok: true; /** The comment's score after the vote. */ score: number; value: -1 | 0 | 1 })
  | CommentWriteRefusal;

export function refuse(
  code: CommentWriteCode,
  message: string,
  extra: Pick<CommentWriteRefusal, "fieldErrors" | "retryAfterSeconds"> = {},
): CommentWriteRefusal {
  return { ok: false, code, message, ...extra };
}
