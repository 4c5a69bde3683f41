import { connection } from "next/server";
import { listFeedArticles } from "@/lib/stories/dal/feeds";
import { rssResponse } from "@/lib/seo/feed-response";
import { site } from "@/lib/seo/site";
import { paths } from "@/lib/paths";

export async function GET(): Promise<Response> {
  await connection();
  const articles = await listFeedArticles();
  return rssResponse(
    { title: site.name, description: site.description, path: paths.home, feedPath: paths.feed },
    articles,
  );
}
