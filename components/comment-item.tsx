// One comment as every reader sees it, and where its controls go. On the cached story page the HTML
// is shared, so it carries only an empty slot that the thread island (comment-thread-controls.tsx)
// fills for the reader; the per-request comments pages render this reader's own controls here.
import type { ReactNode } from "react";
import { commentMarkdown } from "@/lib/comments/markdown";
import type { CommentView } from "@/lib/comments/types";
import { SITE_TIMEZONE } from "@/lib/format/date";
import { Time } from "./ui/time";
import { CommentControlSetView } from "./comment-control-set";
import type { ControlsLookup } from "@/lib/comments/controls";
import { paths } from "@/lib/paths";

export type CommentContext = {
  articleId: string;
  slug: string;
  returnTo: string;
  open: boolean;
  /**
   * The reader's controls, on a page rendered for them (null: none, e.g. signed out). Left out on
   * the shared story page, where each comment gets an empty slot the thread island fills.
   */
  controls?: ControlsLookup | null;
};

const points = (n: number) => `${n} ${n === 1 || n === -1 ? "point" : "points"}`;

// Every staff comment says "Staff"; a moderator's also says "Moderator".
const BADGE =
  "rounded bg-neutral-900 px-1.5 text-xs font-bold uppercase text-white dark:bg-neutral-100 dark:text-neutral-900";

export function CommentItem({
  comment,
  context,
  anchor = "comment",
}: {
  comment: CommentView;
  context: CommentContext;
  /** The element id's prefix: a copy outside the thread (pinned, featured, your box) needs its own. */
  anchor?: string;
}) {
  const name = comment.authorName ?? "[deleted]";
  const base = paths.comment(context.slug, comment.id);
  return (
    <div
      id={`${anchor}-${comment.id}`}
      data-comment-author={comment.authorId ?? undefined}
      className="comment"
    >
      <p className="comment-head">
        <span className="font-semibold">{name}</span>
        {comment.authorRole === "MODERATOR" || comment.authorRole === "ADMIN" ? (
          <span className={BADGE}>Staff</span>
        ) : null}
        {comment.authorRole === "MODERATOR" ? <span className={BADGE}>Moderator</span> : null}
        <Time date={comment.createdAt} timeZone={SITE_TIMEZONE} className="comment-muted" />
        {comment.editedAt ? (
          <span className="comment-muted">
            (edited <Time date={comment.editedAt} timeZone={SITE_TIMEZONE} />)
          </span>
        ) : null}
        {comment.replyTo ? (
          <a
            href={`#comment-${comment.replyTo.id}`}
            className="text-neutral-600 underline dark:text-neutral-400"
          >
            in reply to {comment.replyTo.authorName ?? "[deleted]"}
          </a>
        ) : null}
      </p>
      {comment.deleted || comment.body === null ? (
        <p className="mt-1 italic text-neutral-600 dark:text-neutral-400">[deleted]</p>
      ) : (
        <div className="comment-body">{commentBody(comment.id, comment.body)}</div>
      )}
      <div className="comment-actions">
        {comment.deleted ? null : <span className="comment-muted">{points(comment.score)}</span>}
        <a href={base} className="comment-link">
          Link<span className="sr-only"> to this comment by {name}</span>
        </a>
        {context.open && !comment.deleted ? (
          <Controls comment={comment} name={name} context={context} />
        ) : null}
      </div>
    </div>
  );
}

/**
 * One comment's body, or a notice when the Markdown renderer fails on it. Comments render on the server
 * inside one cached render, where no error boundary catches, so one bad body must not take the page.
 */
function commentBody(id: string, source: string): ReactNode {
  try {
    return commentMarkdown(source);
  } catch (error) {
    console.warn(
      `[comments] comment ${id} could not be rendered: ${error instanceof Error ? error.message : error}`,
    );
    return (
      <p className="italic text-neutral-600 dark:text-neutral-400">This comment could not be displayed.</p>
    );
  }
}

function Controls({
  comment,
  name,
  context,
}: {
  comment: CommentView;
  name: string;
  context: CommentContext;
}) {
  if (context.controls === undefined)
    return (
      <div
        data-comment-controls={comment.id}
        data-author={comment.authorId ?? ""}
        data-name={name}
        className="contents"
      />
    );
  if (context.controls === null) return null;
  return (
    <CommentControlSetView
      target={{
        commentId: comment.id,
        name,
        articleId: context.articleId,
        slug: context.slug,
        returnTo: context.returnTo,
      }}
      allowed={context.controls(comment)}
    />
  );
}
