"use client";
// The writer's just-posted comments in the shared thread (see posted-comments-store.ts): new threads
// at the top of the list, replies under their thread (inside the page's own reply list when it has
// one), and the heading's count. Held comments and a shadow-banned author's are left to the reader's
// own box (/api/viewer), as before.
import { useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { CommentInlineForm } from "./comment-controls";
import { commentsHeading } from "./comments-heading";
import {
  postedServerSnapshot,
  postedSnapshot,
  subscribePosted,
  type PostedComment,
} from "./posted-comments-store";
import { useViewerSnapshot } from "./viewer-store";
import { Time } from "./ui/time";
import { paths } from "@/lib/paths";

type Author = { id: string; name: string };

function usePosted(articleId: string): { posted: PostedComment[]; author: Author | null } {
  const all = useSyncExternalStore(subscribePosted, postedSnapshot, postedServerSnapshot);
  const viewer = useViewerSnapshot();
  if (viewer.status !== "ready" || !viewer.data.user || all.length === 0) return { posted: [], author: null };
  const own = viewer.article === articleId ? (viewer.data.comments?.own ?? []) : [];
  const hidden = new Set(own.map((c) => c.id));
  return {
    posted: all.filter((c) => c.articleId === articleId && !hidden.has(c.id)),
    author: viewer.data.user,
  };
}

/** The heading's text: the page's count plus the comments the writer just added to it. */
export function CommentCount({ articleId, total }: { articleId: string; total: number }) {
  return <>{commentsHeading(total + usePosted(articleId).posted.length)}</>;
}

/** `timeZone`: SITE_TIMEZONE from the server, so a new comment's date reads as the thread's do. */
type Context = { articleId: string; slug: string; returnTo: string; timeZone: string };

/** Placed first in the thread list: the new threads, and portals for replies to the page's threads. */
export function PostedComments(context: Context) {
  const { posted, author } = usePosted(context.articleId);
  if (!author || posted.length === 0) return null;
  const ids = new Set(posted.map((c) => c.id));
  const rootOf = (c: PostedComment): PostedComment | null => {
    let at: PostedComment | undefined = c;
    while (at?.parentId && ids.has(at.parentId)) at = posted.find((p) => p.id === at!.parentId);
    return at && !at.parentId ? at : null;
  };
  const threads = posted.filter((c) => !c.parentId).reverse();
  const repliesTo = (root: PostedComment) => posted.filter((c) => c.parentId && rootOf(c) === root);
  const elsewhere = posted.filter((c) => c.parentId && rootOf(c) === null);
  return (
    <>
      {threads.map((root) => {
        const replies = repliesTo(root);
        return (
          <li key={root.id}>
            <PostedItem comment={root} author={author} context={context} />
            {replies.length > 0 ? (
              <ol aria-label={`Replies to ${author.name}`}>
                {replies.map((r) => (
                  <ReplyItem key={r.id} comment={r} author={author} context={context} />
                ))}
              </ol>
            ) : null}
          </li>
        );
      })}
      {elsewhere.map((r) => (
        <ReplyPortal key={r.id} comment={r} author={author} context={context} />
      ))}
    </>
  );
}

type ItemProps = { comment: PostedComment; author: Author; context: Context };

function ReplyItem(props: ItemProps) {
  return (
    <li className="ml-6 border-l-2 border-neutral-200 pl-3 sm:ml-10 dark:border-neutral-700">
      <PostedItem {...props} />
    </li>
  );
}

/**
 * A reply to a comment the page rendered: appended to that thread's reply list, or a new list under
 * the thread when it had no replies. Nothing when the parent is not on this page (another page of
 * comments): the reader's reply is on the comment's own page.
 */
function ReplyPortal(props: ItemProps) {
  const parent = document.getElementById(`comment-${props.comment.parentId}`);
  let thread = parent?.closest("li") ?? null;
  if (thread?.parentElement?.matches('ol[aria-label^="Replies to"]'))
    thread = thread.parentElement.closest("li");
  if (!thread) return null;
  const list = thread.querySelector(':scope > ol[aria-label^="Replies to"]:not([data-posted])');
  if (list) return createPortal(<ReplyItem {...props} />, list);
  const rootName =
    thread.querySelector(":scope > [id^='comment-'] .font-semibold")?.textContent ?? "a comment";
  return createPortal(
    <ol aria-label={`Replies to ${rootName}`} data-posted="">
      <ReplyItem {...props} />
    </ol>,
    thread,
  );
}

function PostedItem({ comment, author, context }: ItemProps) {
  const base = paths.comment(context.slug, comment.id);
  return (
    <div
      id={`comment-${comment.id}`}
      data-posted=""
      data-comment-author={author.id}
      className="scroll-mt-24 py-3 target:bg-amber-50 dark:target:bg-neutral-800"
    >
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold">{author.name}</span>
        <Time
          date={comment.createdAt}
          timeZone={context.timeZone}
          className="text-neutral-600 dark:text-neutral-400"
        />
      </p>
      <p className="mt-1 whitespace-pre-wrap break-words">{comment.body}</p>
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <a
          href={base}
          className="text-sm text-neutral-700 underline-offset-2 hover:underline dark:text-neutral-300"
        >
          Link<span className="sr-only"> to this comment by {author.name}</span>
        </a>
        <CommentInlineForm
          form={{
            kind: "reply",
            articleId: context.articleId,
            parentId: comment.id,
            parentAuthor: author.name,
          }}
          href={`${base}/reply`}
          label="Reply"
          srLabel={`to comment by ${author.name}`}
          returnTo={context.returnTo}
        />
      </div>
    </div>
  );
}
