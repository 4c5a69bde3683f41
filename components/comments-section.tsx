// The comments area under a story: heading, the per-reader slot (compose box or sign-in prompt), sort
// links, threads nested to depth 3 and "load more". Everything here but `viewer` and `controls` is the
// same for every reader, so the story page keeps it in its cached HTML.
import type { ReactNode } from "react";
import { COMMENT_MAX_DEPTH, COMMENT_SORTS, type CommentPage, type CommentSort } from "@/lib/comments/types";
import type { CommentHighlights } from "@/lib/comments/dal/highlights";
import { FeaturedComments, PinnedComments } from "./comment-highlights";
import { CommentItem, type CommentContext } from "./comment-item";
import type { ControlsLookup } from "@/lib/comments/controls";
import { paths } from "@/lib/paths";
import { SITE_TIMEZONE } from "@/lib/format/date";
import { CommentCount, PostedComments } from "./posted-comments";

export { commentsHeading } from "./comments-heading";

export type SectionArticle = { id: string; slug: string; commentsClosed: boolean };

const SORT_LABELS: Record<CommentSort, string> = { newest: "Newest", oldest: "Oldest", top: "Top" };
/** A reply's indent by depth: classes of globals.css (.reply-2, .reply-3). */
const INDENT = ["", "", "reply-2", "reply-3"];

export function commentsPath(slug: string, sort: CommentSort, after?: string | null): string {
  return paths.comments(slug, { sort, after });
}

export function CommentsSection({
  article,
  page,
  sort = "newest",
  viewer = null,
  controls,
  returnTo,
  continued = false,
  highlights = { featured: [], pinned: [] },
}: {
  article: SectionArticle;
  page: CommentPage;
  sort?: CommentSort;
  /** The per-reader slot; the caller decides whether it streams (Suspense) or renders inline. */
  viewer?: ReactNode;
  /**
   * The reader's controls, on a page rendered for them (null: none). Left out on the shared story page,
   * whose comments carry empty slots the thread island fills.
   */
  controls?: ControlsLookup | null;
  returnTo?: string;
  /** True on a later page (after a cursor): links back to the first. */
  continued?: boolean;
  /** Featured comments (a strip) and pinned ones (first, on page 1 of the default view). */
  highlights?: CommentHighlights;
}) {
  const context: CommentContext = {
    articleId: article.id,
    slug: article.slug,
    returnTo: returnTo ?? paths.article(article.slug),
    open: !article.commentsClosed,
    controls,
  };
  return (
    <section
      id="comments"
      aria-labelledby="comments-heading"
      className="mt-12 scroll-mt-24 border-t border-neutral-300 pt-6 print:hidden dark:border-neutral-700"
    >
      <h2 id="comments-heading" className="font-serif text-2xl font-bold">
        <CommentCount articleId={article.id} total={page.total} />
      </h2>
      {article.commentsClosed ? (
        <p className="mt-3 text-neutral-700 dark:text-neutral-300">Comments are closed on this story.</p>
      ) : null}
      {viewer}
      <FeaturedComments comments={highlights.featured} context={context} />
      {sort === "newest" && !continued ? (
        <PinnedComments comments={highlights.pinned} context={context} />
      ) : null}
      {page.threads.length > 0 || continued ? (
        <nav aria-label="Sort comments" className="mt-6 flex gap-4 text-sm">
          <span className="text-neutral-600 dark:text-neutral-400">Sort by</span>
          {COMMENT_SORTS.map((s) => (
            <a
              key={s}
              href={commentsPath(article.slug, s)}
              aria-current={s === sort && !continued ? "page" : undefined}
              className="font-semibold underline-offset-2 hover:underline aria-[current=page]:underline"
            >
              {SORT_LABELS[s]}
            </a>
          ))}
        </nav>
      ) : null}
      <ol className="mt-2 divide-y divide-neutral-200 dark:divide-neutral-800">
        {continued ? null : (
          <PostedComments
            articleId={article.id}
            slug={article.slug}
            returnTo={context.returnTo}
            timeZone={SITE_TIMEZONE}
          />
        )}
        {page.threads.map(({ comment, replies, more }) => (
          <li key={comment.id}>
            <CommentItem comment={comment} context={context} />
            {replies.length > 0 ? (
              <ol aria-label={`Replies to ${comment.authorName ?? "a deleted comment"}`}>
                {replies.map((reply) => (
                  <li key={reply.id} className={INDENT[reply.depth] ?? INDENT[COMMENT_MAX_DEPTH]}>
                    <CommentItem comment={reply} context={context} />
                  </li>
                ))}
              </ol>
            ) : null}
            {more ? (
              <p className="ml-6 mt-1 text-sm sm:ml-10">
                <a
                  href={`${commentsPath(article.slug, sort)}#comment-${(replies.at(-1) ?? comment).id}`}
                  className="font-semibold underline"
                >
                  {more === 1 ? "1 more reply" : `${more.toLocaleString("en-GB")} more replies`}
                  <span className="sr-only"> to {comment.authorName ?? "a deleted comment"}</span>
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {page.nextCursor ? (
        <p className="mt-6">
          <a href={commentsPath(article.slug, sort, page.nextCursor)} className="font-semibold underline">
            Load more comments
          </a>
        </p>
      ) : null}
      {continued ? (
        <p className="mt-4">
          <a href={commentsPath(article.slug, sort)} className="underline">
            Back to the first comments
          </a>
        </p>
      ) : null}
    </section>
  );
}
