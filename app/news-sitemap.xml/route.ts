import { connection } from "next/server";
import { listNewsSitemapArticles } from "@/lib/dal/feeds";
import { newsSitemapXml, newsWindowStart } from "@/lib/seo/sitemap";

export async function GET(): Promise<Response> {
  await connection();
  const now = new Date();
  const articles = await listNewsSitemapArticles(newsWindowStart(now));
  return new Response(newsSitemapXml(articles, now), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=300, stale-while-revalidate=600",
    },
  });
}
