import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { robotsFor } from "@/lib/seo/sitemap";
import { loadSitemapPlan } from "@/lib/seo/sitemap-data";

export default async function robots(): Promise<MetadataRoute.Robots> {
  // The split article sitemaps exist only past 50,000 URLs, which only the database knows.
  await connection();
  const { plan } = await loadSitemapPlan();
  return robotsFor(plan.chunks);
}
