// The signed-in reader's own comments that nobody else sees on this story: held ones marked "Awaiting
// moderation", and a shadow-banned author's ones unmarked (to them they must look published). Only
// rendered per viewer (the story page's Suspense hole, the comments page), never in cached HTML.
import Link from "next/link";
import type { OwnHiddenComment } from "@/lib/dal/comments";
import { AWAITING_MODERATION } from "@/lib/moderation/visibility";
import { CommentItem, type CommentContext } from "./comment-item";

/** The id a held comment's no-JS post lands on (lib/actions/comments.ts redirects to #your-comments). */
export const OWN_COMMENTS_ANCHOR = "your-comments";

export function OwnCommentsBox({ items, context }: { items: OwnHiddenComment[]; context: CommentContext }) {
  if (items.length === 0) return null;
  // Read-only copies: the controls work on comments in the thread, which these are not (yet).
  const readOnly = { ...context, open: false };
  return (
    <section
      id={OWN_COMMENTS_ANCHOR}
      aria-labelledby="your-comments-heading"
      className="mt-6 scroll-mt-24 rounded border border-neutral-300 p-3 target:bg-amber-50 dark:border-neutral-700 dark:target:bg-neutral-800"
    >
      <h3 id="your-comments-heading" className="font-semibold">
        Your recent comments
      </h3>
      <ol className="divide-y divide-neutral-200 dark:divide-neutral-800">
        {items.map(({ comment, awaiting }) => (
          <li key={comment.id}>
            {awaiting ? (
              <p className="mt-2 text-sm font-semibold text-amber-900 dark:text-amber-200">
                {AWAITING_MODERATION}
              </p>
            ) : null}
            <CommentItem comment={comment} context={readOnly} anchor="yours" />
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The same anchor in the story page's static fallback, for readers without JavaScript (the streamed box
 * stays hidden for them): shown by the viewer <style> only when they have such comments, it links to the
 * comments page, which renders the box itself. Worded so it tells a shadow-banned reader nothing.
 */
export function OwnCommentsNote({ slug }: { slug: string }) {
  return (
    <p id={OWN_COMMENTS_ANCHOR} className="comment-own-note mt-3 hidden scroll-mt-24">
      <Link
        href={`/articles/${encodeURIComponent(slug)}/comments#${OWN_COMMENTS_ANCHOR}`}
        className="font-semibold underline"
      >
        See your recent comments
      </Link>{" "}
      <span className="text-neutral-700 dark:text-neutral-300">(including any awaiting moderation)</span>
    </p>
  );
}
