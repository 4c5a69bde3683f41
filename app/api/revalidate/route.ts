// POST /api/revalidate — the importer (another process) names the cache tags an import touched.
// Body: {"tags": ["article:slug", "section:city", "articles", …]}; header: Authorization: Bearer
// $REVALIDATE_SECRET. A story's own tag expires at once (its next reader sees the new text); the
// listings are refreshed in the background while their previous version is still served. proxy.ts's
// remembered route verdicts are all dropped, so a new slug or redirect is answered at once.
import { timingSafeEqual } from "node:crypto";
import { revalidateTag } from "next/cache";
import { z } from "zod";
import { CACHE_TAG } from "@/lib/cache-tags";
import { forgetReaderRoutes } from "@/lib/stories/dal/reader-routes";
import { env } from "@/lib/env";

const noStore = { "cache-control": "no-store" };
const body = z.object({ tags: z.array(z.string().regex(CACHE_TAG)).min(1).max(1000) });

function authorised(header: string | null): boolean {
  const secret = env.REVALIDATE_SECRET;
  if (!secret || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function POST(request: Request): Promise<Response> {
  if (!env.REVALIDATE_SECRET)
    return Response.json({ error: "REVALIDATE_SECRET is not set" }, { status: 503, headers: noStore });
  if (!authorised(request.headers.get("authorization")))
    return Response.json({ error: "unauthorised" }, { status: 401, headers: noStore });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return Response.json(
      { error: 'expected {"tags": [...]} naming articles, article:, section:, tag: or author: tags' },
      { status: 400, headers: noStore },
    );
  const tags = [...new Set(parsed.data.tags)];
  // proxy.ts's remembered 404s and redirects may name the slugs this import created or moved.
  await forgetReaderRoutes();
  // Expired at once, never stale-while-revalidate: a page regenerated in the background read its
  // (equally stale) cached data again and kept the old content until the next expiry, an hour later.
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: tags }, { headers: noStore });
}
