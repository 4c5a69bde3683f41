// Reads for feeds and sitemaps. Published stories only; each query selects just the columns its
// output needs, because the sitemap reads run over every published story (100k and more).
import "server-only";
import { db } from "../../db";

export const FEED_SIZE = 50;
/** Google News reads at most 1,000 URLs per news sitemap. */
const NEWS_SITEMAP_MAX = 1000;

type Named = { slug: string; name: string };

export type FeedArticle = {
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date;
  /** When the story last changed as readers see it; publishedAt when it never has. */
  updatedAt: Date;
  section: Named;
  tags: Named[];
  authors: Named[];
  hero: { path: string; alt: string } | null;
};

export type SitemapArticle = { slug: string; lastModified: Date };
export type SitemapListing = { slug: string; lastModified: Date | null };
export type NewsSitemapArticle = { slug: string; headline: string; publishedAt: Date };

const published = { status: "PUBLISHED", publishedAt: { not: null } } as const;

/** Newest published stories, optionally from one section (by id, so the section index is used). */
export async function listFeedArticles(opts: { sectionId?: string } = {}): Promise<FeedArticle[]> {
  const rows = await db.article.findMany({
    where: { ...published, ...(opts.sectionId ? { sectionId: opts.sectionId } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
    select: {
      slug: true,
      headline: true,
      standfirst: true,
      publishedAt: true,
      contentUpdatedAt: true,
      heroImagePath: true,
      heroImageAlt: true,
      section: { select: { slug: true, name: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
      authors: { orderBy: { position: "asc" }, select: { author: { select: { slug: true, name: true } } } },
    },
  });
  return rows.map((r) => {
    const publishedAt = r.publishedAt ?? new Date(0);
    return {
      slug: r.slug,
      headline: r.headline,
      standfirst: r.standfirst,
      publishedAt,
      updatedAt: r.contentUpdatedAt && r.contentUpdatedAt > publishedAt ? r.contentUpdatedAt : publishedAt,
      section: r.section,
      tags: r.tags.map((t) => t.tag),
      authors: r.authors.map((a) => a.author),
      hero: r.heroImagePath ? { path: r.heroImagePath, alt: r.heroImageAlt ?? "" } : null,
    };
  });
}

export async function countPublishedArticles(): Promise<number> {
  return db.article.count({ where: published });
}

/**
 * One page of the article sitemap, oldest first: new stories land on the last page, so earlier
 * pages (and what crawlers cached of them) stay the same.
 */
export async function listSitemapArticles(page: { skip: number; take: number }): Promise<SitemapArticle[]> {
  const rows = await db.article.findMany({
    where: published,
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    skip: Math.max(0, page.skip),
    take: Math.min(Math.max(1, page.take), 50_000),
    select: { slug: true, publishedAt: true, contentUpdatedAt: true },
  });
  return rows.map((r) => {
    const publishedAt = r.publishedAt ?? new Date(0);
    const changed = r.contentUpdatedAt && r.contentUpdatedAt > publishedAt ? r.contentUpdatedAt : publishedAt;
    return { slug: r.slug, lastModified: changed };
  });
}

/** Sections, with the time of their newest published story (null when they have none yet). */
export async function listSitemapSections(): Promise<SitemapListing[]> {
  const [sections, newest] = await Promise.all([
    db.section.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, slug: true },
    }),
    db.article.groupBy({ by: ["sectionId"], where: published, _max: { publishedAt: true } }),
  ]);
  const bySection = new Map(newest.map((n) => [n.sectionId, n._max.publishedAt]));
  return sections.map((s) => ({ slug: s.slug, lastModified: bySection.get(s.id) ?? null }));
}

/** Tags and authors that have at least one published story: an empty listing is not worth a crawl. */
export async function listSitemapTags(): Promise<string[]> {
  const rows = await db.tag.findMany({
    where: { articles: { some: { article: published } } },
    orderBy: { slug: "asc" },
    select: { slug: true },
  });
  return rows.map((r) => r.slug);
}

export async function listSitemapAuthors(): Promise<string[]> {
  const rows = await db.author.findMany({
    where: { articles: { some: { article: published } } },
    orderBy: { slug: "asc" },
    select: { slug: true },
  });
  return rows.map((r) => r.slug);
}

/** Stories published since `since`, newest first, for the Google News sitemap. */
export async function listNewsSitemapArticles(since: Date): Promise<NewsSitemapArticle[]> {
  const rows = await db.article.findMany({
    where: { status: "PUBLISHED", publishedAt: { gte: since, lte: new Date() } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: NEWS_SITEMAP_MAX,
    select: { slug: true, headline: true, publishedAt: true },
  });
  return rows.map((r) => ({ slug: r.slug, headline: r.headline, publishedAt: r.publishedAt ?? since }));
}
