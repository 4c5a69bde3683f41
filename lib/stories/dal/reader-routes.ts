// Answers, before a reader page renders, whether its URL names something that exists. proxy.ts uses
// it so unknown stories, sections, tags and authors get a real, server-rendered 404 page (Next's
// notFound() in a dynamic page answers 404 with an empty body: vercel/next.js#62228), old slugs a
// 308, and the listings' old `?before=`/`?after=` URLs a redirect to their cacheable path form.
import "server-only";
import { db } from "../../db";
import { decodeCursor, legacyCursorFrom, type Cursor } from "../cursor";
import { cursorForStoriesAfter, cursorNamesStory, hasStoriesBefore, type ListingScope } from "./listings";
import { redisKey, sharedRedis, sharedSubscriber } from "../../redis";
import { createVerdictCache, processWide, type VerdictCache } from "./reader-route-cache";
import { paths } from "@/lib/paths";

export type RouteVerdict =
  { kind: "ok" } | { kind: "missing" } | { kind: "redirect"; to: string; status: 307 | 308 };

const OK: RouteVerdict = { kind: "ok" };
const MISSING: RouteVerdict = { kind: "missing" };

const READER_ROUTE = /^\/(sections|tags|authors)\/([^/]+)(?:\/page\/([^/]+))?\/?$/;
/** A story and everything under it (comments, reply/edit/report pages, its Open Graph image). */
const ARTICLE_ROUTE = /^\/articles\/([^/]+)(\/.*)?$/;
const SCOPE = { sections: "section", tags: "tag", authors: "author" } as const;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The story must be published; an old slug moves, with whatever follows it, to the current one. */
async function checkArticle(slug: string, rest = ""): Promise<RouteVerdict> {
  const article = await db.article.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: { id: true },
  });
  if (article) return OK;
  const moved = await db.articleRedirect.findUnique({
    where: { slug },
    select: { article: { select: { slug: true, status: true } } },
  });
  return moved?.article.status === "PUBLISHED"
    ? { kind: "redirect", to: paths.articleWith(moved.article.slug, rest), status: 308 }
    : MISSING;
}

async function findScope(kind: ListingScope["kind"], slug: string): Promise<ListingScope | null> {
  const where = { slug };
  const select = { id: true };
  const row =
    kind === "section"
      ? await db.section.findUnique({ where, select })
      : kind === "tag"
        ? await db.tag.findUnique({ where, select })
        : await db.author.findUnique({ where, select });
  return row ? { kind, id: row.id } : null;
}

/** A page cursor names one of the listing's stories, and older stories follow it. */
async function listsStoriesBefore(scope: ListingScope, cursor: Cursor): Promise<boolean> {
  return (await cursorNamesStory(scope, cursor)) && (await hasStoriesBefore(scope, cursor));
}

async function checkListing(
  kind: ListingScope["kind"],
  slug: string,
  rawCursor: string | undefined,
  search: URLSearchParams,
): Promise<RouteVerdict> {
  const base = `/${kind}s/${encodeURIComponent(slug)}`;
  const legacy = rawCursor === undefined ? legacyCursorFrom(search) : null;
  const cursor = rawCursor === undefined ? null : decodeCursor(decode(rawCursor));
  if (legacy === "invalid" || (rawCursor !== undefined && !cursor)) return MISSING;
  const scope = await findScope(kind, slug);
  if (!scope) return MISSING;
  if (cursor) return (await listsStoriesBefore(scope, cursor)) ? OK : MISSING;
  if (!legacy) return OK;
  // Only cursors that name one of this listing's stories make a page URL (and cache entry); ?after=
  // of anything else means "the newest stories", which is the listing's own first page.
  if (!(await cursorNamesStory(scope, legacy.cursor)))
    return legacy.direction === "after" ? { kind: "redirect", to: base, status: 307 } : MISSING;
  // ?before= names the same stories as /page/<cursor> forever; ?after= depends on what is newer now.
  if (legacy.direction === "before")
    return (await hasStoriesBefore(scope, legacy.cursor))
      ? { kind: "redirect", to: `${base}/page/${legacy.raw}`, status: 308 }
      : MISSING;
  const to = await cursorForStoriesAfter(scope, legacy.cursor);
  return { kind: "redirect", to: to ? `${base}/page/${to}` : base, status: 307 };
}

/** The verdict for a reader URL, straight from the database. */
export async function checkReaderRoute(pathname: string, search = ""): Promise<RouteVerdict> {
  const story = ARTICLE_ROUTE.exec(pathname);
  if (story) {
    const slug = decode(story[1]);
    return !slug || slug.length > 200 ? MISSING : checkArticle(slug, story[2] ?? "");
  }
  const match = READER_ROUTE.exec(pathname);
  if (!match) return OK;
  const [, kind, rawSlug, rawCursor] = match;
  const slug = decode(rawSlug);
  if (!slug || slug.length > 200) return MISSING;
  return checkListing(SCOPE[kind as keyof typeof SCOPE], slug, rawCursor, new URLSearchParams(search));
}

const FORGET_CHANNEL = redisKey("routes:forget");

/**
 * With REDIS_URL, every instance forgets its verdicts when any instance is told content changed
 * (a message on FORGET_CHANNEL), and when its subscription comes back after Redis was unreachable,
 * since a message sent meanwhile is lost.
 */
function forgetWhenToldByOthers(cache: VerdictCache<RouteVerdict>) {
  const subscriber = sharedSubscriber();
  if (!subscriber) return;
  subscriber.on("message", (channel: string) => channel === FORGET_CHANNEL && cache.clear());
  subscriber.on("ready", () => cache.clear());
  subscriber.subscribe(FORGET_CHANNEL).catch(() => undefined);
}

const verdicts = processWide("reader-route-verdicts", () => {
  const cache = createVerdictCache<RouteVerdict>({ maxEntries: 10_000, ttlMs: 30_000 });
  forgetWhenToldByOthers(cache);
  return cache;
});

/** The part of a URL a verdict depends on: only listing pages read their (legacy) query string. */
function verdictKey(pathname: string, search: string): string {
  if (!search || pathname.startsWith("/articles/")) return pathname;
  const params = new URLSearchParams(search);
  const legacy = [
    ...params.getAll("before").map((v) => `b=${v}`),
    ...params.getAll("after").map((v) => `a=${v}`),
  ];
  return legacy.length ? `${pathname}?${legacy.join("&")}` : pathname;
}

/** checkReaderRoute, answered from memory for up to 30 s (see reader-route-cache.ts). */
export function readerRouteVerdict(pathname: string, search = ""): Promise<RouteVerdict> {
  const key = verdictKey(pathname, search);
  return verdicts.get(key, () => checkReaderRoute(pathname, key === pathname ? "" : search));
}

/** Forget every remembered verdict, here and on every other instance: content changed (POST /api/revalidate). */
export async function forgetReaderRoutes(): Promise<void> {
  verdicts.clear();
  // Redis down: the other instances forget theirs when their subscription returns (or in 30 s).
  await sharedRedis()
    ?.publish(FORGET_CHANNEL, "all")
    .catch(() => undefined);
}
