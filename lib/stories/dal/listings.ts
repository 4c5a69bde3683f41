// Paginated story lists for section, tag and author pages. Keyset pagination on
// (publishedAt desc, id desc) (lib/stories/dal/story-keys.ts): page 5,000 of a 100k-article archive costs
// about what page 1 does, and a page's URL (/page/<cursor>) keeps naming the same stories as new
// ones arrive.
import "server-only";
import { db } from "../../db";
import { published, summarySelect, toSummary, type ArticleSummary } from "./articles";
import { decodeCursor, encodeCursor, type Cursor } from "../cursor";
import { keyWalker, relationWhere, type KeyWalker, type StoryKey } from "./story-keys";

export const PAGE_SIZE = 20;

export type ListingScope = { kind: "section" | "tag" | "author"; id: string };

export type StoryPage = {
  stories: ArticleSummary[];
  /** Cursor of the next older page (/page/<cursor>); null on the last page. */
  older: string | null;
  /** null: this is the newest page. `{ cursor: null }`: the newer page is the first one. */
  newer: { cursor: string | null } | null;
};

const DESC = [{ publishedAt: "desc" }, { id: "desc" }] as const;

const cursorOf = (s: { publishedAt: Date; id: string }): Cursor => ({ publishedAt: s.publishedAt, id: s.id });

/** The summaries of `keys`, in their order. */
export async function summariesOf(keys: StoryKey[]): Promise<ArticleSummary[]> {
  if (keys.length === 0) return [];
  const rows = await db.article.findMany({
    where: { id: { in: keys.map((k) => k.id) } },
    select: summarySelect,
  });
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return keys.flatMap((k) => byId.get(k.id) ?? []);
}

/**
 * The cursor of the page that ends just before `story`, walking towards newer stories: the story
 * PAGE_SIZE + 1 places newer names it, so the URLs met going back are the ones met going forward.
 * null when that page is the first one (no cursor); undefined when nothing is newer.
 */
async function newerPageCursor(walker: KeyWalker, story: Cursor): Promise<string | null | undefined> {
  const rows = await walker.newer(story, PAGE_SIZE + 1);
  if (rows.length === 0) return undefined;
  return rows.length > PAGE_SIZE ? encodeCursor(cursorOf(rows[PAGE_SIZE])) : null;
}

/**
 * One page of a scope's published stories, newest first: the first page, or the stories older than
 * `before`. Returns null when a cursor was given but leads nowhere (garbage, or past the end), so
 * the page can answer 404 instead of an empty list.
 */
export async function listStoryPage(scope: ListingScope, before?: string): Promise<StoryPage | null> {
  const cursor = before === undefined ? null : decodeCursor(before);
  if (before !== undefined && !(cursor && (await cursorNamesStory(scope, cursor)))) return null;
  const walker = await keyWalker(scope);
  // One key more than a page tells whether an older page exists.
  const keys = await walker.older(cursor, PAGE_SIZE + 1);
  const stories = await summariesOf(keys.slice(0, PAGE_SIZE));
  if (stories.length === 0) return cursor ? null : { stories, older: null, newer: null };
  const older = keys.length > PAGE_SIZE ? encodeCursor(cursorOf(stories[stories.length - 1])) : null;
  if (!cursor) return { stories, older, newer: null };
  const newer = await newerPageCursor(walker, cursorOf(stories[0]));
  return { stories, older, newer: newer === undefined ? null : { cursor: newer } };
}

/**
 * Whether a cursor names one of this scope's published stories, at the time it was published: only
 * then did we issue it. Anything else (a made-up time or id) would make every such URL a page of its own.
 */
export async function cursorNamesStory(scope: ListingScope, cursor: Cursor): Promise<boolean> {
  const story = await db.article.findFirst({
    where: { AND: [{ id: cursor.id, publishedAt: cursor.publishedAt }, relationWhere(scope)] },
    select: { id: true },
  });
  return story !== null;
}

/** Whether `/page/<cursor>` of this scope lists anything (proxy.ts answers 404 when it does not). */
export async function hasStoriesBefore(scope: ListingScope, cursor: Cursor): Promise<boolean> {
  return (await (await keyWalker(scope)).older(cursor, 1)).length > 0;
}

/**
 * Where an old `?after=` URL (the page of stories just newer than `after`) lives now: its cursor, or
 * null for the first page.
 */
export async function cursorForStoriesAfter(scope: ListingScope, after: Cursor): Promise<string | null> {
  return (await newerPageCursor(await keyWalker(scope), after)) ?? null;
}

export type SectionRail = { section: { slug: string; name: string }; stories: ArticleSummary[] };

/** Each section's newest stories for the front page, in navigation order; empty sections are left out. */
export async function listSectionRails(perSection = 4): Promise<SectionRail[]> {
  const take = Math.min(Math.max(1, perSection), 12);
  const sections = await db.section.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true },
    take: 50,
  });
  const rails = await Promise.all(
    sections.map(async ({ id, slug, name }) => {
      const rows = await db.article.findMany({
        where: { ...published, sectionId: id },
        orderBy: [...DESC],
        take,
        select: summarySelect,
      });
      return { section: { slug, name }, stories: rows.map(toSummary) };
    }),
  );
  return rails.filter((r) => r.stories.length > 0);
}

export type PrerenderedListing = { slug: string; secondPage: string | null };

/**
 * The listings worth building ahead, with the cursor of their second page: every section, and the
 * tags and authors of the newest stories. The rest are rendered on their first visit, then cached.
 */
export async function listPrerenderedListings(
  kind: ListingScope["kind"],
  limit = 12,
): Promise<PrerenderedListing[]> {
  const select = { id: true, slug: true } as const;
  let rows: { id: string; slug: string }[];
  if (kind === "section") {
    rows = await db.section.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      take: limit,
      select,
    });
  } else {
    const latest = await db.article.findMany({
      where: published,
      orderBy: [...DESC],
      take: 20,
      select: { tags: { select: { tag: { select } } }, authors: { select: { author: { select } } } },
    });
    const found = latest.flatMap((a) =>
      kind === "tag" ? a.tags.map((t) => t.tag) : a.authors.map((au) => au.author),
    );
    rows = [...new Map(found.map((r) => [r.id, r])).values()].slice(0, limit);
  }
  return Promise.all(
    rows.map(async ({ id, slug }) => ({
      slug,
      secondPage: (await listStoryPage({ kind, id }))?.older ?? null,
    })),
  );
}
