// Sitemap entries and the Google News sitemap. Pure: the metadata routes read the database and
// hand the rows here.
import type { MetadataRoute } from "next";
import type { NewsSitemapArticle, SitemapArticle, SitemapListing } from "@/lib/stories/dal/feeds";
import { absoluteUrl, site } from "./site";
import { paths } from "@/lib/paths";
import { escapeXml } from "./xml";

/** The sitemaps protocol's limit per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News only wants stories from the last two days. */
const NEWS_WINDOW_MS = 48 * 3600 * 1000;

/**
 * Whether the articles fit in /sitemap.xml beside the other pages; when they do not, they move to
 * /sitemaps/articles/sitemap/<n>.xml (generateSitemaps), `chunks` files of at most 50,000 each.
 */
export function articleSitemapPlan(
  articleCount: number,
  otherUrls: number,
): { inline: boolean; chunks: number } {
  if (articleCount + otherUrls <= SITEMAP_MAX_URLS) return { inline: true, chunks: 0 };
  return { inline: false, chunks: Math.ceil(articleCount / SITEMAP_MAX_URLS) };
}

function articleChunkPath(id: number): string {
  return `/sitemaps/articles/sitemap/${id}.xml`;
}

/** The <n> of /sitemaps/articles/sitemap/<n>.xml: digits only, or null. */
export function parseChunkId(raw: string): number | null {
  return /^\d{1,6}$/.test(raw) ? Number(raw) : null;
}

export type Listings = { sections: SitemapListing[]; tags: string[]; authors: string[] };

export function countListingUrls(l: Listings): number {
  return 2 + l.sections.length + l.tags.length + l.authors.length;
}

/** Home, about, and every section, tag and author page. */
export function listingEntries(l: Listings): MetadataRoute.Sitemap {
  const times = l.sections.flatMap((s) => (s.lastModified ? [s.lastModified.getTime()] : []));
  const newest = times.length ? new Date(Math.max(...times)) : undefined;
  return [
    { url: absoluteUrl(paths.home), lastModified: newest, changeFrequency: "hourly", priority: 1 },
    { url: absoluteUrl(paths.about), changeFrequency: "yearly", priority: 0.3 },
    ...l.sections.map((s) => ({
      url: absoluteUrl(paths.section(s.slug)),
      lastModified: s.lastModified ?? undefined,
      changeFrequency: "hourly" as const,
      priority: 0.8,
    })),
    ...l.tags.map((slug) => ({
      url: absoluteUrl(paths.tag(slug)),
      changeFrequency: "daily" as const,
      priority: 0.4,
    })),
    ...l.authors.map((slug) => ({
      url: absoluteUrl(paths.author(slug)),
      changeFrequency: "daily" as const,
      priority: 0.4,
    })),
  ];
}

export function articleEntries(rows: SitemapArticle[]): MetadataRoute.Sitemap {
  return rows.map((r) => ({
    url: absoluteUrl(paths.article(r.slug)),
    lastModified: r.lastModified,
    priority: 0.6,
  }));
}

export function newsWindowStart(now: Date = new Date()): Date {
  return new Date(now.getTime() - NEWS_WINDOW_MS);
}

/**
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap. The window is
 * checked here as well as in the query, so a caller with stale rows still cannot list old stories.
 */
export function newsSitemapXml(articles: NewsSitemapArticle[], now: Date = new Date()): string {
  const from = newsWindowStart(now).getTime();
  const urls = articles
    .filter((a) => a.publishedAt.getTime() >= from && a.publishedAt.getTime() <= now.getTime())
    .slice(0, 1000)
    .map(
      (a) => `  <url>
    <loc>${escapeXml(absoluteUrl(paths.article(a.slug)))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(site.name)}</news:name>
        <news:language>${site.language}</news:language>
      </news:publication>
      <news:publication_date>${a.publishedAt.toISOString()}</news:publication_date>
      <news:title>${escapeXml(a.headline)}</news:title>
    </news:news>
  </url>`,
    );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join("\n")}${urls.length ? "\n" : ""}</urlset>
`;
}

/** robots.txt: everything is open to crawlers; the sitemaps are listed so they are found. */
export function robotsFor(articleChunks: number): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/" },
    sitemap: [
      absoluteUrl(paths.sitemap),
      absoluteUrl(paths.newsSitemap),
      ...Array.from({ length: articleChunks }, (_, i) => absoluteUrl(articleChunkPath(i))),
    ],
  };
}
