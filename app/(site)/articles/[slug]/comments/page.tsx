// Every page of a story's comments in any sort (`?sort=newest|oldest|top&after=<cursor>`), the compose
// form and each comment's controls for this reader, as plain forms that work without JavaScript.
// Rendered per request (it reads the session and the query), so they are in the HTML itself.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CommentsSection, commentsPath } from "@/components/comments-section";
import { CommentViewerPanel, loadCommentReader, readerControls } from "@/components/comment-viewer";
import { parseCommentSort } from "@/lib/comments/cursor";
import { cachedCommentHighlights, cachedCommentPage } from "../../../_lib/cached-comments";
import { loadStory } from "../_components/load-story";
import { paths } from "@/lib/paths";

export const instant = false;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadStory((await params).slug, "/comments");
  return {
    title: `Comments: ${article.headline}`,
    // The story page carries the first page of comments; these views are not for search engines.
    robots: { index: false, follow: true },
    alternates: { canonical: paths.article(article.slug) },
  };
}

export default async function CommentsPage({ params, searchParams }: Props) {
  // With partialPrefetching, Next may render a per-request page a second time (a "runtime
  // prefetch") for the client's navigation cache: the copy it embedded in every response (with
  // cachedNavigations, now off in next.config.ts) doubled a long thread's render and payload (1.2 MB
  // of a 1.5 MB page). A page made for one reader and one request is no navigation cache entry;
  // connection() leaves it out of any runtime prefetch.
  await connection();
  const article = await loadStory((await params).slug, "/comments");
  const query = await searchParams;
  const sort = parseCommentSort(query.sort);
  const after = typeof query.after === "string" ? query.after : null;
  const [page, highlights, reader] = await Promise.all([
    cachedCommentPage(article.id, sort, after),
    cachedCommentHighlights(article.id),
    loadCommentReader(article),
  ]);
  if (!page) notFound();
  const storyPath = paths.article(article.slug);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <a href={storyPath} className="underline">
          Back to the story
        </a>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold leading-tight">Comments on “{article.headline}”</h1>
      <CommentsSection
        article={article}
        page={page}
        sort={sort}
        continued={after !== null}
        highlights={highlights}
        returnTo={commentsPath(article.slug, sort, after)}
        controls={readerControls(reader)}
        viewer={<CommentViewerPanel article={article} reader={reader} returnTo={storyPath} />}
      />
    </div>
  );
}
