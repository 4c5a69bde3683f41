import type { MetadataRoute } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { connection } from "next/server";
import { articleEntries } from "@/lib/seo/sitemap";
import { loadSitemapArticles, loadSitemapPlan } from "@/lib/seo/sitemap-data";

// Only used past 50,000 URLs (see app/sitemap.ts): /sitemaps/articles/sitemap/<n>.xml, oldest first.
export async function generateSitemaps(): Promise<{ id: number }[]> {
  // Next also calls this at build time to prerender the files; the database is not for the build,
  // and every id is still served at request time.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return [];
  await connection();
  const { plan } = await loadSitemapPlan();
  return Array.from({ length: plan.chunks }, (_, id) => ({ id }));
}

export default async function sitemap(props: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  await connection();
  const id = Number(await props.id);
  const rows = await loadSitemapArticles(id);
  return articleEntries(rows);
}
