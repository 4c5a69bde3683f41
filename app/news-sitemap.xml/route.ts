import { connection } from "next/server";
import { newsSitemapXml } from "@/lib/seo/sitemap";
import { loadNewsSitemapArticles } from "@/lib/seo/sitemap-data";

export async function GET(): Promise<Response> {
  await connection();
  const now = new Date();
  const articles = await loadNewsSitemapArticles();
  return new Response(newsSitemapXml(articles, now), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=300, stale-while-revalidate=600",
    },
  });
}
