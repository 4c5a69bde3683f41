// One comment as every reader sees it. This HTML is cached and shared, so the controls only some
// readers may use are rendered for all and hidden; the per-viewer <style> (comment-viewer.tsx) shows
// the signed-in ones to signed-in readers and the owner's to the author.
import type { ReactNode } from "react";
import { commentMarkdown } from "@/lib/comments/markdown";
import type { CommentView } from "@/lib/comments/types";
import { SITE_TIMEZONE } from "@/lib/format/date";
import { Time } from "./ui/time";
import { CommentButtonForm, CommentInlineForm } from "./comment-controls";
import { paths } from "@/lib/paths";

export type CommentContext = { articleId: string; slug: string; returnTo: string; open: boolean };

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
      className="scroll-mt-24 py-3 target:bg-amber-50 dark:target:bg-neutral-800"
    >
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold">{name}</span>
        {comment.authorRole === "MODERATOR" || comment.authorRole === "ADMIN" ? (
          <span className={BADGE}>Staff</span>
        ) : null}
        {comment.authorRole === "MODERATOR" ? <span className={BADGE}>Moderator</span> : null}
        <Time
          date={comment.createdAt}
          timeZone={SITE_TIMEZONE}
          className="text-neutral-600 dark:text-neutral-400"
        />
        {comment.editedAt ? (
          <span className="text-neutral-600 dark:text-neutral-400">
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
        <div className="comment-body mt-1 break-words [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-neutral-300 [&_blockquote]:pl-3 [&_code]:font-mono [&_code]:text-sm [&_ol]:list-decimal [&_ol]:pl-6 [&_p+p]:mt-2 [&_pre]:overflow-x-auto [&_ul]:list-disc [&_ul]:pl-6">
          {commentBody(comment.id, comment.body)}
        </div>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        {comment.deleted ? null : (
          <span className="text-neutral-600 dark:text-neutral-400">{points(comment.score)}</span>
        )}
        <a
          href={base}
          className="text-sm text-neutral-700 underline-offset-2 hover:underline dark:text-neutral-300"
        >
          Link<span className="sr-only"> to this comment by {name}</span>
        </a>
        {context.open && !comment.deleted ? (
          <Controls comment={comment} name={name} base={base} context={context} />
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
  base,
  context,
}: {
  comment: CommentView;
  name: string;
  base: string;
  context: CommentContext;
}) {
  const by = `comment by ${name}`;
  const { returnTo } = context;
  return (
    <>
      <div className="comment-signed-in hidden">
        <CommentInlineForm
          form={{ kind: "reply", articleId: context.articleId, parentId: comment.id, parentAuthor: name }}
          href={`${base}/reply`}
          label="Reply"
          srLabel={`to ${by}`}
          returnTo={returnTo}
        />
        <div className="comment-vote hidden">
          <div className="comment-vote-up contents">
            <CommentButtonForm
              action="vote"
              value="up"
              commentId={comment.id}
              label="Upvote"
              srLabel={by}
              pendingLabel="Voting…"
              returnTo={returnTo}
            />
          </div>
          <div className="comment-vote-down contents">
            <CommentButtonForm
              action="vote"
              value="down"
              commentId={comment.id}
              label="Downvote"
              srLabel={by}
              pendingLabel="Voting…"
              returnTo={returnTo}
            />
          </div>
          <div className="comment-vote-clear hidden">
            <CommentButtonForm
              action="vote"
              value="clear"
              commentId={comment.id}
              label="Remove vote"
              srLabel={`on ${by}`}
              pendingLabel="Removing…"
              returnTo={returnTo}
            />
          </div>
        </div>
        {/* Not on the viewer's own comments: the viewer <style> hides it there. */}
        <div className="comment-report hidden">
          <a
            href={`${base}/report`}
            className="text-sm font-semibold text-neutral-700 underline-offset-2 hover:underline dark:text-neutral-300"
          >
            Report<span className="sr-only"> {by}</span>
          </a>
        </div>
      </div>
      <div className="comment-owner hidden">
        <div className="comment-edit hidden">
          <CommentInlineForm
            form={{ kind: "edit", commentId: comment.id, body: comment.body ?? "" }}
            href={`${base}/edit`}
            label="Edit"
            srLabel="your comment"
            returnTo={returnTo}
          />
        </div>
        <CommentButtonForm
          action="delete"
          commentId={comment.id}
          label="Delete"
          srLabel="your comment"
          pendingLabel="Deleting…"
          returnTo={returnTo}
          confirm="Delete your comment? This cannot be undone."
        />
      </div>
    </>
  );
}
