// Which comments readers see, as Prisma `where` fragments for the reader queries (lib/dal/comments.ts).
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

/** The viewer's own comments that others cannot see: held, or published under a shadow-ban. */
export function ownHiddenCommentWhere(viewerId: string) {
  return {
    authorId: viewerId,
    OR: [
      { status: "PENDING" as const },
      { status: "PUBLISHED" as const, author: { is: { shadowBanned: true } } },
    ],
  };
}

export const AWAITING_MODERATION = "Awaiting moderation";
