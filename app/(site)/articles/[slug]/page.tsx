import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { absoluteUrl } from "@/lib/seo/site";
import type { ArticleDetail } from "@/lib/stories/dal/articles";
import { readingTimeLabel } from "@/lib/stories/reading-time";
import { ArticleBody } from "@/components/article-body";
import { Byline } from "@/components/byline";
import { CommentsSection } from "@/components/comments-section";
import { CommentViewerIsland } from "@/components/comment-viewer-island";
import { ShareLinks } from "@/components/share-links";
import { SectionKicker } from "@/components/story-card";
import { SITE_TIMEZONE } from "@/lib/format/date";
import { Time } from "@/components/ui/time";
import { JsonLd } from "@/components/json-ld";
import { articleMetadata } from "@/lib/seo/metadata";
import { articleBreadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/json-ld";
import { Hero } from "./_components/hero";
import { ReadNext } from "./_components/read-next";
import { cachedArticle, cachedArticleExtras, cachedLatestSlugs } from "../../_lib/cached";
import { cachedCommentHighlights, cachedCommentPage } from "../../_lib/cached-comments";
import { paths } from "@/lib/paths";
import { STORY_PAGE_COMMENTS } from "@/lib/comments/types";

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props["params"]): Promise<ArticleDetail> {
  const { slug } = await params;
  const found = await cachedArticle(decodeURIComponent(slug));
  if (found.kind === "redirect") permanentRedirect(paths.article(found.slug));
  if (found.kind === "missing") notFound();
  return found.article;
}

// No story is ever called this; an empty database still needs one path to prerender (it 404s).
const NO_STORY = "no-stories-yet";

/** The newest stories are built ahead; any other is rendered on its first visit, then cached. */
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  const slugs = await cachedLatestSlugs(20);
  return (slugs.length > 0 ? slugs : [NO_STORY]).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata(await load(params));
}

// No <Suspense> around the story: content that resolves inside a boundary is sent as a hidden block
// that only script reveals, so readers without JavaScript got a blank page. The story is cached, so
// the prerendered pages stay static; a story not built ahead blocks on its first visit instead of
// streaming a placeholder. Nothing here reads the request: the per-reader parts (the header's sign-in
// state, the comment box) are client islands that ask /api/viewer, so every reader gets the same page.
export const instant = false;

export default function ArticlePage({ params }: Props) {
  return <Story params={params} />;
}

async function Story({ params }: Props) {
  const article = await load(params);
  const [{ neighbours }, comments, highlights] = await Promise.all([
    cachedArticleExtras(
      article.id,
      article.section.slug,
      article.tags.map((t) => t.slug),
    ),
    cachedCommentPage(article.id, "newest", null, STORY_PAGE_COMMENTS),
    cachedCommentHighlights(article.id),
  ]);
  // Null only for a cursor or an unpublished story; the fallback keeps the types honest.
  const page = comments ?? { threads: [], nextCursor: null, total: 0 };
  const updated =
    article.updatedAt && article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000
      ? article.updatedAt
      : null;
  const url = absoluteUrl(paths.article(article.slug));
  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd
        data={[
          newsArticleJsonLd(article, { commentCount: page.total, comments: page.threads }),
          articleBreadcrumbJsonLd(article),
        ]}
      />
      <header>
        <SectionKicker section={article.section} className="text-sm" />
        <h1 className="mt-2 font-serif text-4xl font-bold leading-tight sm:text-5xl">{article.headline}</h1>
        <p className="mt-4 text-xl text-neutral-700 dark:text-neutral-300">{article.standfirst}</p>
        <p className="mt-4 text-sm text-neutral-600 dark:text-neutral-400">
          <Byline authors={article.authors} />
          <span className="block sm:inline sm:before:content-['_·_']">
            <Time date={article.publishedAt} timeZone={SITE_TIMEZONE} />
          </span>
          {updated ? (
            <span className="block sm:inline sm:before:content-['_·_']">
              Updated <Time date={updated} timeZone={SITE_TIMEZONE} />
            </span>
          ) : null}
          <span className="block sm:inline sm:before:content-['_·_']">{readingTimeLabel(article.body)}</span>
        </p>
      </header>
      {article.hero ? <Hero hero={article.hero} /> : null}
      <ArticleBody markdown={article.body} />
      {article.tags.length > 0 ? (
        <footer className="mt-10 border-t border-neutral-300 pt-4 dark:border-neutral-700">
          <h2 className="sr-only">Tags</h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {article.tags.map((t) => (
              <li key={t.slug}>
                <a
                  href={paths.tag(t.slug)}
                  className="inline-block rounded-full bg-neutral-100 px-3 py-1 hover:underline dark:bg-neutral-800"
                >
                  {t.name}
                </a>
              </li>
            ))}
          </ul>
        </footer>
      ) : null}
      <ShareLinks url={url} title={article.headline} />
      <ReadNext neighbours={neighbours} sectionName={article.section.name} />
      <CommentsSection
        article={article}
        page={page}
        highlights={highlights}
        viewer={
          <CommentViewerIsland
            article={{ id: article.id, slug: article.slug, commentsClosed: article.commentsClosed }}
            timeZone={SITE_TIMEZONE}
          />
        }
      />
    </article>
  );
}
