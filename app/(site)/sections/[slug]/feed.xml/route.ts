// Lives beside the section page: a route group does not change the URL, and a child segment of
// the page's [slug] must share its parameter name.
import { connection } from "next/server";
import { listFeedArticles } from "@/lib/stories/dal/feeds";
import { findSectionBySlug } from "@/lib/stories/dal/sections";
import { rssResponse } from "@/lib/seo/feed-response";
import { site } from "@/lib/seo/site";
import { paths } from "@/lib/paths";

export async function GET(_request: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  const { slug } = await ctx.params;
  const section = await findSectionBySlug(slug);
  if (!section) {
    return new Response("No such section.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const articles = await listFeedArticles({ sectionId: section.id });
  return rssResponse(
    {
      title: `${section.name} | ${site.name}`,
      description: section.description ?? `The latest ${section.name} stories from ${site.name}.`,
      path: paths.section(section.slug),
      feedPath: paths.sectionFeed(section.slug),
    },
    articles,
  );
}
