// What the sitemap routes read, shared so /sitemap.xml, the split article sitemaps and robots.txt
// always agree on whether the articles were split out. Cached under the list tag, which every import
// expires, so a crawler's visits cost no query (they used to read every story each time).
import { cacheLife, cacheTag } from "next/cache";
import { HEALING_LIFE, LIST_TAG } from "@/lib/cache-tags";
import {
  countPublishedArticles,
  listNewsSitemapArticles,
  listSitemapArticles,
  listSitemapAuthors,
  listSitemapSections,
  listSitemapTags,
} from "@/lib/stories/dal/feeds";
import {
  articleSitemapPlan,
  countListingUrls,
  newsWindowStart,
  SITEMAP_MAX_URLS,
  type Listings,
} from "./sitemap";

export async function loadSitemapPlan(): Promise<{
  listings: Listings;
  articleCount: number;
  plan: { inline: boolean; chunks: number };
}> {
  "use cache";
  cacheLife(HEALING_LIFE);
  cacheTag(LIST_TAG);
  const [sections, tags, authors, articleCount] = await Promise.all([
    listSitemapSections(),
    listSitemapTags(),
    listSitemapAuthors(),
    countPublishedArticles(),
  ]);
  const listings = { sections, tags, authors };
  return { listings, articleCount, plan: articleSitemapPlan(articleCount, countListingUrls(listings)) };
}

/** The `chunk`th file of up to 50,000 story URLs, oldest first (/sitemap.xml inlines chunk 0). */
export async function loadSitemapArticles(chunk: number) {
  "use cache";
  // Callable from outside as a server function: only a small whole number names a file.
  if (!Number.isInteger(chunk) || chunk < 0 || chunk > 10_000) return [];
  cacheLife(HEALING_LIFE);
  cacheTag(LIST_TAG);
  return listSitemapArticles({ skip: chunk * SITEMAP_MAX_URLS, take: SITEMAP_MAX_URLS });
}

/** The last two days' stories for the news sitemap (which filters by the time again when it is served). */
export async function loadNewsSitemapArticles() {
  "use cache";
  cacheLife(HEALING_LIFE);
  cacheTag(LIST_TAG);
  return listNewsSitemapArticles(newsWindowStart(new Date()));
}
