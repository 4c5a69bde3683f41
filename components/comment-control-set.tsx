// The controls one reader may use under one comment: Reply, the votes (their own vote shows as
// "Remove vote"), Report on others' comments, Edit and Delete on their own. Rendered on the server
// by the per-request comments pages and in the browser by the story page's thread island
// (comment-thread-controls.tsx); which ones is decided by controlsFor (lib/comments/controls.ts).
import type { CommentControlSet } from "@/lib/comments/controls";
import { paths } from "@/lib/paths";
import { CommentButtonForm, CommentInlineForm } from "./comment-controls";

export type ControlsTarget = {
  commentId: string;
  /** The author's display name, for the controls' accessible names. */
  name: string;
  articleId: string;
  slug: string;
  returnTo: string;
};

export function CommentControlSetView({
  target,
  allowed,
}: {
  target: ControlsTarget;
  allowed: CommentControlSet;
}) {
  const { commentId, name, returnTo } = target;
  const base = paths.comment(target.slug, commentId);
  const by = `comment by ${name}`;
  const vote = (value: "up" | "down" | "clear", label: string, srLabel: string, pendingLabel: string) => (
    <CommentButtonForm
      action="vote"
      value={value}
      commentId={commentId}
      label={label}
      srLabel={srLabel}
      pendingLabel={pendingLabel}
      returnTo={returnTo}
    />
  );
  return (
    <>
      <CommentInlineForm
        form={{ kind: "reply", articleId: target.articleId, parentId: commentId, parentAuthor: name }}
        href={`${base}/reply`}
        label="Reply"
        srLabel={`to ${by}`}
        returnTo={returnTo}
      />
      {allowed.vote === null ? null : (
        <>
          {allowed.vote > 0 ? null : vote("up", "Upvote", by, "Voting…")}
          {allowed.vote < 0 ? null : vote("down", "Downvote", by, "Voting…")}
          {allowed.vote === 0 ? null : vote("clear", "Remove vote", `on ${by}`, "Removing…")}
        </>
      )}
      {allowed.report ? (
        <a
          href={`${base}/report`}
          className="text-sm font-semibold text-neutral-700 underline-offset-2 hover:underline dark:text-neutral-300"
        >
          Report<span className="sr-only"> {by}</span>
        </a>
      ) : null}
      {allowed.edit === null ? null : (
        <CommentInlineForm
          form={{ kind: "edit", commentId, body: allowed.edit }}
          href={`${base}/edit`}
          label="Edit"
          srLabel="your comment"
          returnTo={returnTo}
        />
      )}
      {allowed.remove ? (
        <CommentButtonForm
          action="delete"
          commentId={commentId}
          label="Delete"
          srLabel="your comment"
          pendingLabel="Deleting…"
          returnTo={returnTo}
          confirm="Delete your comment? This cannot be undone."
        />
      ) : null}
    </>
  );
}
