// A comment as the thread components receive it, for component tests: a reader's published
// top-level comment unless `over` says otherwise.
import type { CommentView } from "@/lib/comments/types";

export const commentView = (id: string, over: Partial<CommentView> = {}): CommentView => ({
  id,
  authorId: `user-${id}`,
  authorName: `Reader ${id}`,
  authorRole: "READER",
  parentId: null,
  replyTo: null,
  depth: 1,
  body: `Body of ${id}`,
  deleted: false,
  score: 1,
  createdAt: "2026-11-15T08:00:00.000Z",
  editedAt: null,
  ...over,
});
