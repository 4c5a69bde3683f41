// Paginated story lists for section, tag and author pages. Keyset pagination on
// (publishedAt desc, id desc): every page is an index range scan of PAGE_SIZE rows, so page 5,000
// of a 100k-article archive costs the same as page 1, and URLs stay stable as new stories arrive.
import "server-only";
import { db } from "../db";
import { published, summarySelect, toSummary, type ArticleSummary } from "./articles";
import { decodeCursor, encodeCursor, type Cursor, type PageRequest } from "./cursor";

export const PAGE_SIZE = 20;

export type ListingScope = { kind: "section" | "tag" | "author"; id: string };

export type StoryPage = {
  stories: ArticleSummary[];
  /** Cursor for `?before=`; null on the last page. */
  older: string | null;
  /** null: this is the newest page. `{ cursor: null }`: newer stories are on the first page. */
  newer: { cursor: string | null } | null;
};

function scopeWhere(scope: ListingScope) {
  switch (scope.kind) {
    case "section":
      return { ...published, sectionId: scope.id };
    case "tag":
      return { ...published, tags: { some: { tagId: scope.id } } };
    case "author":
      return { ...published, authors: { some: { authorId: scope.id } } };
  }
}

const olderThan = (c: Cursor) => ({
  OR: [{ publishedAt: { lt: c.publishedAt } }, { publishedAt: c.publishedAt, id: { lt: c.id } }],
});
const newerThan = (c: Cursor) => ({
  OR: [{ publishedAt: { gt: c.publishedAt } }, { publishedAt: c.publishedAt, id: { gt: c.id } }],
});
const DESC = [{ publishedAt: "desc" }, { id: "desc" }] as const;
const ASC = [{ publishedAt: "asc" }, { id: "asc" }] as const;

const cursorOf = (s: ArticleSummary): Cursor => ({ publishedAt: s.publishedAt, id: s.id });

/**
 * One page of a scope's published stories, newest first. Returns null when a cursor was given but
 * leads nowhere (garbage, or past the end), so the page can answer 404 instead of an empty list.
 */
export async function listStoryPage(
  scope: ListingScope,
  request: PageRequest = {},
): Promise<StoryPage | null> {
  const base = scopeWhere(scope);
  const before = request.before !== undefined ? decodeCursor(request.before) : null;
  const after = request.after !== undefined ? decodeCursor(request.after) : null;
  if ((request.before !== undefined && !before) || (request.after !== undefined && !after)) return null;

  let stories: ArticleSummary[];
  if (after) {
    const rows = await db.article.findMany({
      where: { AND: [base, newerThan(after)] },
      orderBy: [...ASC],
      take: PAGE_SIZE,
      select: summarySelect,
    });
    stories = rows.map(toSummary).reverse();
  } else {
    const rows = await db.article.findMany({
      where: before ? { AND: [base, olderThan(before)] } : base,
      orderBy: [...DESC],
      take: PAGE_SIZE,
      select: summarySelect,
    });
    stories = rows.map(toSummary);
  }
  if (stories.length === 0) return before || after ? null : { stories, older: null, newer: null };

  const first = cursorOf(stories[0]);
  const last = cursorOf(stories[stories.length - 1]);
  // Peeking one page ahead tells whether the newer page is the first one, whose URL has no cursor.
  const [olderPeek, newerPeek] = await Promise.all([
    db.article.findFirst({
      where: { AND: [base, olderThan(last)] },
      orderBy: [...DESC],
      select: { id: true },
    }),
    before || after
      ? db.article.findMany({
          where: { AND: [base, newerThan(first)] },
          orderBy: [...ASC],
          take: PAGE_SIZE + 1,
          select: { id: true },
        })
      : Promise.resolve([]),
  ]);
  return {
    stories,
    older: olderPeek ? encodeCursor(last) : null,
    newer:
      newerPeek.length === 0 ? null : { cursor: newerPeek.length > PAGE_SIZE ? encodeCursor(first) : null },
  };
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
