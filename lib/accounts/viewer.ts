// What GET /api/viewer answers: the per-reader parts of otherwise static pages (the header's sign-in
// state, a story's compose box and what the thread island needs to draw this reader's controls under
// the shared comment HTML: their editable comments and their votes). Shared by the route and the client islands that render it, so it holds only types and
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
  /** Their comments on the story still editable (with the source the edit form starts from). */
  editable: { id: string; body: string }[];
  /** Their votes on the story's comments (+1 or -1). */
  votes: { commentId: string; value: number }[];
  own: ViewerOwnComment[];
};

type ViewerUser = { id: string; name: string; staff: boolean };

export type ViewerPayload = {
  user: ViewerUser | null;
  /** Present for a signed-in reader when a published story was asked for and takes comments. */
  comments: ViewerComments | null;
};

export const SIGNED_OUT: ViewerPayload = { user: null, comments: null };

/** Cuid-shaped ids only: nothing else reaches the route's queries. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The id of the reader's own-comments box; a held comment's no-JavaScript post lands on it. */
export const OWN_COMMENTS_ANCHOR = "your-comments";
