// Names of the cache tags the reader pages carry, shared by the pages ("use cache" + cacheTag), the
// importer (which says which ones an import touched) and POST /api/revalidate (which checks them).
export const LIST_TAG = "articles";

export const cacheTags = {
  list: LIST_TAG,
  article: (slug: string) => `article:${slug}`,
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
  /** One story's comments (list, count): keyed by article id, so a slug change keeps it. */
  comments: (articleId: string) => `comments:${articleId}`,
  /** The front page's "most commented" rail, expired when comment counts change. */
  commentCounts: "comment-counts",
};

/**
 * The cacheLife of story, listing, sitemap and Open Graph reads: re-read in the background when a
 * reader asks after 150 s (stale-while-revalidate), kept up to a week. A missed invalidation (an
 * import that could not reach the site) heals within 5 minutes: the page's entry and the data under
 * it each take one round. A quiet page still answers from the cache.
 */
export const HEALING_LIFE = { revalidate: 150, expire: 7 * 24 * 3600 };

/** A tag we hand out: the list tag, kind:slug, or comments:<articleId>. Next ignores tags over 256 chars. */
export const CACHE_TAG = /^(articles|comment-counts|(article|section|tag|author|comments):[^\s]{1,200})$/;

type Touched = {
  slug: string;
  redirectFrom?: string[];
  section: { slug: string };
  tags?: { slug: string }[];
  authors: { slug: string }[];
};

/** Everything an imported or edited story appears on: itself, its listings and every list page. */
export function tagsForArticle(a: Touched): string[] {
  return [
    cacheTags.article(a.slug),
    ...(a.redirectFrom ?? []).map(cacheTags.article),
    cacheTags.section(a.section.slug),
    ...(a.tags ?? []).map((t) => cacheTags.tag(t.slug)),
    ...a.authors.map((au) => cacheTags.author(au.slug)),
    LIST_TAG,
  ];
}
