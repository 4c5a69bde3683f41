// A comment's permalink: /articles/<slug>/comments/<id> finds the page that shows it (the story page,
// or a later page of comments) and redirects there with #comment-<id>.
import { locateComment } from "@/lib/dal/comments";

export async function GET(_request: Request, { params }: { params: Promise<{ commentId: string }> }) {
  const { commentId } = await params;
  const location = await locateComment(decodeURIComponent(commentId));
  if (!location)
    return new Response("No such comment.", { status: 404, headers: { "cache-control": "no-store" } });
  const story = `/articles/${encodeURIComponent(location.articleSlug)}`;
  const page = location.cursor ? `${story}/comments?sort=newest&after=${location.cursor}` : story;
  // A relative Location keeps the redirect on whatever origin the reader used.
  return new Response(null, {
    status: 307,
    headers: { location: `${page}#comment-${encodeURIComponent(commentId)}`, "cache-control": "no-store" },
  });
}
