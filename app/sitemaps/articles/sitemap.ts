import type { MetadataRoute } from "next";
import { cacheLife, cacheTag } from "next/cache";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { notFound } from "next/navigation";
import { cacheTags } from "@/lib/cache-tags";
import { listSitemapArticles } from "@/lib/stories/dal/feeds";
import { articleEntries, parseChunkId, SITEMAP_MAX_URLS } from "@/lib/seo/sitemap";
import { loadSitemapPlan } from "@/lib/seo/sitemap-data";

// Only used past 50,000 URLs (see app/sitemap.ts): /sitemaps/articles/sitemap/<n>.xml, oldest first.
// Next renders an id unknown at build like a prerender, where uncached IO (or connection()) is a
// 500 for every id; so both reads are cached, and dropped with the story list on every import.
async function cachedChunkCount(): Promise<number> {
  "use cache";
  cacheLife("hours");
  cacheTag(cacheTags.list);
  return (await loadSitemapPlan()).plan.chunks;
}

async function cachedChunk(id: number): Promise<MetadataRoute.Sitemap> {
  "use cache";
  cacheLife("hours");
  cacheTag(cacheTags.list);
  return articleEntries(await listSitemapArticles({ skip: id * SITEMAP_MAX_URLS, take: SITEMAP_MAX_URLS }));
}

export async function generateSitemaps(): Promise<{ id: number }[]> {
  // Next also calls this at build time to prerender the files; the database is not for the build,
  // and every id is still served at request time.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return [];
  return Array.from({ length: await cachedChunkCount() }, (_, id) => ({ id }));
}

export default async function sitemap(props: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  // Next only calls this for an id generateSitemaps listed; a non-numeric one must not become NaN.
  const id = parseChunkId(await props.id);
  if (id === null) notFound();
  return cachedChunk(id);
}
