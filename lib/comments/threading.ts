// Where a reply sits in its thread: the one placement rule for readers' replies and staff replies.
import { COMMENT_MAX_DEPTH } from "./types";

export type Placement = {
  parentId: string | null;
  threadId: string | null;
  /** Set only when the comment answered is not the parent: replies past COMMENT_MAX_DEPTH. */
  replyToId: string | null;
  depth: number;
};

export const TOP_LEVEL: Placement = { parentId: null, threadId: null, replyToId: null, depth: 1 };

/** Under the comment answered, or, past the deepest level, beside it and naming it. */
export function placeReply(parent: {
  id: string;
  depth: number;
  parentId: string | null;
  threadId: string | null;
}): Placement {
  return parent.depth < COMMENT_MAX_DEPTH
    ? {
        parentId: parent.id,
        threadId: parent.threadId ?? parent.id,
        replyToId: null,
        depth: parent.depth + 1,
      }
    : {
        parentId: parent.parentId,
        threadId: parent.threadId,
        replyToId: parent.id,
        depth: COMMENT_MAX_DEPTH,
      };
}
