// The shared body of the two feed routes: read the hero sizes from disk, build, answer.
import type { FeedArticle } from "@/lib/stories/dal/feeds";
import { buildRssFeed, RSS_HEADERS, type FeedChannel } from "./feed";
import { localImageFiles } from "./images";

export async function rssResponse(channel: FeedChannel, articles: FeedArticle[]): Promise<Response> {
  const images = await localImageFiles(articles.flatMap((a) => (a.hero ? [a.hero.path] : [])));
  return new Response(buildRssFeed(channel, articles, images), { headers: RSS_HEADERS });
}
