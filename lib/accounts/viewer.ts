// What GET /api/viewer answers: the per-reader parts of otherwise static pages (the header's sign-in
// state, a story's compose box and the CSS that reveals this reader's controls in the shared comment
// HTML). Shared by the route and the client islands that render it, so it holds only types and
// constants, nothing server-side.

/** One of the reader's own comments nobody else sees (held for a moderator, or shadow-banned). */
export type ViewerOwnComment = {
  id: string;
  authorName: string;
  /** Markdown source as written (shown as plain text in the reader's own box). */
  body: string;
  createdAt: string;
  /** Held for a moderator; false for a shadow-banned author's comment, which must look published. */
  awaiting: boolean;
};

export type ViewerComments = {
  articleId: string;
  /** Why this reader may not comment (banned, suspended), or null when they may. */
  notice: string | null;
  /** Rules revealing the controls this reader may use; built from checked ids only. */
  css: string;
  own: ViewerOwnComment[];
};

type ViewerUser = { id: string; name: string; staff: boolean };

export type ViewerPayload = {
  user: ViewerUser | null;
  /** Present for a signed-in reader when a published story was asked for and takes comments. */
  comments: ViewerComments | null;
};

export const SIGNED_OUT: ViewerPayload = { user: null, comments: null };

/** Cuid-shaped ids only: nothing else reaches the route's queries or the CSS it builds. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The id of the reader's own-comments box; a held comment's no-JavaScript post lands on it. */
export const OWN_COMMENTS_ANCHOR = "your-comments";
