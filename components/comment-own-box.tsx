// The signed-in reader's own comments that nobody else sees on this story: held ones marked "Awaiting
// moderation", and a shadow-banned author's ones unmarked (to them they must look published). Only
// rendered per viewer (the comments pages; the story page's island draws its own copy), never cached.
import type { OwnHiddenComment } from "@/lib/comments/dal/comments";
import { CommentItem, type CommentContext } from "./comment-item";
import { AwaitingLabel, OwnCommentsFrame } from "./comment-own-frame";

export function OwnCommentsBox({ items, context }: { items: OwnHiddenComment[]; context: CommentContext }) {
  if (items.length === 0) return null;
  // Read-only copies: the controls work on comments in the thread, which these are not (yet).
  const readOnly = { ...context, open: false };
  return (
    <OwnCommentsFrame>
      {items.map(({ comment, awaiting }) => (
        <li key={comment.id}>
          {awaiting ? <AwaitingLabel /> : null}
          <CommentItem comment={comment} context={readOnly} anchor="yours" />
        </li>
      ))}
    </OwnCommentsFrame>
  );
}
