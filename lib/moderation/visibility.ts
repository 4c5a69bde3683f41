// Which comments readers see, as Prisma `where` fragments for the reader queries (lib/comments/dal/comments.ts).
//
// - PUBLISHED comments, except those whose author is shadow-banned: those stay PUBLISHED (so nothing
//   changes for the author, and lifting the shadow-ban brings them all back) but only their author
//   sees them.
// - A comment hidden by reader reports is moved to PENDING (reason "reports:<n>"), so it drops out of
//   every reader query and shows in the Reported queue until a moderator decides it.
// - PENDING comments are shown to their own author only, marked "awaiting moderation".

/**
 * Not written by a shadow-banned reader (comments whose author is gone pass). A NOT rather than an OR,
 * so it can sit beside a keyset cursor's OR in the same `where`.
 */
export const notShadowBanned = { NOT: { author: { is: { shadowBanned: true } } } };

/** Comments every reader may see. */
export const publicCommentWhere = { status: "PUBLISHED" as const, ...notShadowBanned };

/**
 * The comments one viewer may see as a single comment (a permalink, a reply or vote target, the reply
 * and report pages): what every reader may, and, for a signed-in viewer, their own published comments
 * under a shadow-ban too. Null for a signed-out reader. Held comments are not in it: their author sees
 * them in their own box only, never as a target.
 */
export function visibleCommentWhere(viewerId: string | null) {
  if (!viewerId) return publicCommentWhere;
  return { status: "PUBLISHED" as const, OR: [notShadowBanned, { authorId: viewerId }] };
}

/** The viewer's own comments that others cannot see: held, or published under a shadow-ban. */
export function ownHiddenCommentWhere(viewerId: string) {
  return {
    authorId: viewerId,
    // Withdrawn by them: gone from their view too (the moderators still have it).
    withdrawnAt: null,
    OR: [
      { status: "PENDING" as const },
      { status: "PUBLISHED" as const, author: { is: { shadowBanned: true } } },
    ],
  };
}

/**
 * What clearing a comment (approve, restore, an upheld appeal) writes: published again, unless its
 * author withdrew it while it was under review. Then it is deleted for readers, its text cleared as
 * the author asked, and it never returns to public view.
 */
export function publishChange(c: { withdrawnAt: Date | null }) {
  return c.withdrawnAt
    ? { status: "DELETED" as const, body: "", previousBody: null }
    : { status: "PUBLISHED" as const };
}

export const AWAITING_MODERATION = "Awaiting moderation";
