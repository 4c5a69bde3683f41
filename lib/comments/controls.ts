// Which controls a reader gets under a comment, decided in one place for both renderings: the story
// page's thread island (from /api/viewer, in the browser) and the per-request comments pages (on the
// server). Pure and free of server modules, so client components import it.

/** What the reader's controls depend on: who they are, their comments still editable, their votes. */
export type ReaderControlState = {
  userId: string;
  /** Their own published comments on the story still inside the edit window, with the source. */
  editable: { id: string; body: string }[];
  votes: { commentId: string; value: number }[];
};

/** The controls one reader may use on one comment. */
export type CommentControlSet = {
  /** The reader's vote (1, -1 or 0 for none); null on their own comment, where nobody votes. */
  vote: number | null;
  /** Report: anyone's comment but one's own. */
  report: boolean;
  /** Delete: their own comment. */
  remove: boolean;
  /** Edit: the comment's source while their own comment is still editable, else null. */
  edit: string | null;
};

/** A lookup of the reader's controls per comment (an author-less comment is nobody's own). */
export function controlsFor(state: ReaderControlState) {
  const editable = new Map(state.editable.map((c) => [c.id, c.body]));
  const votes = new Map(state.votes.map((v) => [v.commentId, Math.sign(v.value)]));
  return (comment: { id: string; authorId: string | null }): CommentControlSet => {
    const own = comment.authorId === state.userId;
    return {
      vote: own ? null : (votes.get(comment.id) ?? 0),
      report: !own,
      remove: own,
      edit: own ? (editable.get(comment.id) ?? null) : null,
    };
  };
}

export type ControlsLookup = ReturnType<typeof controlsFor>;

/**
 * The attribute marking a comment's empty controls slot in the story page's shared HTML (its value is
 * the comment's id; data-author and data-name beside it): the thread island fills these.
 */
export const CONTROLS_SLOT = "data-comment-controls";
