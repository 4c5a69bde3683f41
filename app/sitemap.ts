import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { articleEntries, listingEntries, SITEMAP_MAX_URLS } from "@/lib/seo/sitemap";
import { loadSitemapArticles, loadSitemapPlan } from "@/lib/seo/sitemap-data";

// Articles are listed here while everything fits in one file (50,000 URLs); past that they move to
// app/sitemaps/articles/sitemap.ts and robots.txt lists those files too.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Read at request time: a build-time snapshot would go stale with the first new story.
  await connection();
  const { listings, articleCount, plan } = await loadSitemapPlan();
  const articles = plan.inline && articleCount > 0 ? await loadSitemapArticles(0) : [];
  return [...listingEntries(listings), ...articleEntries(articles)].slice(0, SITEMAP_MAX_URLS);
}
