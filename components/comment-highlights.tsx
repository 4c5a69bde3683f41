// The "Featured comments" strip and the "Pinned" group above a story's thread. Both are read-only
// copies (own element ids, no controls): the comment itself keeps its place, replies and controls in
// the thread below, and its "Link" goes there. Same for every reader, so it sits in the cached HTML.
import type { CommentView } from "@/lib/comments/types";
import { CommentItem, type CommentContext } from "./comment-item";

function Group({
  id,
  title,
  comments,
  context,
  anchor,
}: {
  id: string;
  title: string;
  comments: CommentView[];
  context: CommentContext;
  anchor: string;
}) {
  if (comments.length === 0) return null;
  return (
    <section
      aria-labelledby={id}
      className="mt-6 rounded border-l-4 border-accent bg-neutral-50 px-3 py-2 dark:bg-neutral-900"
    >
      <h3 id={id} className="text-sm font-bold uppercase tracking-wide">
        {title}
      </h3>
      <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
        {comments.map((c) => (
          <li key={c.id}>
            <CommentItem comment={c} context={{ ...context, open: false }} anchor={anchor} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FeaturedComments({
  comments,
  context,
}: {
  comments: CommentView[];
  context: CommentContext;
}) {
  return (
    <Group
      id="featured-comments-heading"
      title="Featured comments"
      comments={comments}
      context={context}
      anchor="featured"
    />
  );
}

export function PinnedComments({ comments, context }: { comments: CommentView[]; context: CommentContext }) {
  return (
    <Group
      id="pinned-comments-heading"
      title="Pinned"
      comments={comments}
      context={context}
      anchor="pinned"
    />
  );
}
