// A comment's permalink: /articles/<slug>/comments/<id> finds the page that shows it (the story page,
// or a later page of comments) and redirects there with #comment-<id>.
import { locateComment } from "@/lib/comments/dal/comments";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import { paths } from "@/lib/paths";

export async function GET(_request: Request, { params }: { params: Promise<{ commentId: string }> }) {
  const { commentId } = await params;
  // Per reader: a shadow-banned author's comment answers 404 to everyone but its author.
  const location = await locateComment(decodeURIComponent(commentId), await getSessionUserId());
  if (!location)
    return new Response("No such comment.", { status: 404, headers: { "cache-control": "no-store" } });
  const page =
    location.cursor || location.first === "comments"
      ? paths.comments(location.articleSlug, { sort: "newest", after: location.cursor })
      : paths.article(location.articleSlug);
  // A relative Location keeps the redirect on whatever origin the reader used.
  return new Response(null, {
    status: 307,
    headers: { location: `${page}#comment-${encodeURIComponent(commentId)}`, "cache-control": "no-store" },
  });
}
