// Answers, before a reader page renders, whether its URL names something that exists. proxy.ts uses
// it so unknown stories, sections, tags and authors get a real, server-rendered 404 page (Next's
// notFound() in a dynamic page answers 404 with an empty body: vercel/next.js#62228).
import "server-only";
import { db } from "../db";

export type RouteVerdict = { kind: "ok" } | { kind: "missing" } | { kind: "redirect"; to: string };

const READER_ROUTE = /^\/(articles|sections|tags|authors)\/([^/]+)\/?$/;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export async function checkReaderRoute(pathname: string): Promise<RouteVerdict> {
  const match = READER_ROUTE.exec(pathname);
  if (!match) return { kind: "ok" };
  const slug = decode(match[2]);
  if (!slug || slug.length > 200) return { kind: "missing" };
  const where = { slug };
  switch (match[1]) {
    case "articles": {
      const article = await db.article.findFirst({
        where: { slug, status: "PUBLISHED" },
        select: { id: true },
      });
      if (article) return { kind: "ok" };
      const moved = await db.articleRedirect.findUnique({
        where: { slug },
        select: { article: { select: { slug: true, status: true } } },
      });
      return moved?.article.status === "PUBLISHED"
        ? { kind: "redirect", to: `/articles/${encodeURIComponent(moved.article.slug)}` }
        : { kind: "missing" };
    }
    case "sections":
      return (await db.section.findUnique({ where, select: { id: true } }))
        ? { kind: "ok" }
        : { kind: "missing" };
    case "tags":
      return (await db.tag.findUnique({ where, select: { id: true } }))
        ? { kind: "ok" }
        : { kind: "missing" };
    default:
      return (await db.author.findUnique({ where, select: { id: true } }))
        ? { kind: "ok" }
        : { kind: "missing" };
  }
}
