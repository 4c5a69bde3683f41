// What the sitemap routes read, shared so /sitemap.xml, the split article sitemaps and robots.txt
// always agree on whether the articles were split out.
import {
  countPublishedArticles,
  listSitemapAuthors,
  listSitemapSections,
  listSitemapTags,
} from "@/lib/dal/feeds";
import { articleSitemapPlan, countListingUrls, type Listings } from "./sitemap";

export async function loadSitemapPlan(): Promise<{
  listings: Listings;
  articleCount: number;
  plan: { inline: boolean; chunks: number };
}> {
  const [sections, tags, authors, articleCount] = await Promise.all([
    listSitemapSections(),
    listSitemapTags(),
    listSitemapAuthors(),
    countPublishedArticles(),
  ]);
  const listings = { sections, tags, authors };
  return { listings, articleCount, plan: articleSitemapPlan(articleCount, countListingUrls(listings)) };
}
