// Walks a scope's published stories in (publishedAt desc, id desc) order, returning keys only.
// SQLite has no statistics about how common a tag or author is, so for `tags: { some }` it always
// walks the whole date index and probes each story: quick for a common tag, but a rare one on a
// 100k-story site read the entire index (seconds). Scopes with few stories are read whole by their
// own index and ordered here instead; common ones keep the index walk, which then stops early.
import "server-only";
import { db } from "../../db";
import { published } from "./articles";
import type { Cursor } from "../cursor";

export type StoryKey = { id: string; publishedAt: Date };
export type KeyScope =
  { kind: "section"; id: string } | { kind: "tag" | "author"; id: string } | { kind: "tags"; ids: string[] };

/** Above this many stories the date-index walk finds a page within about PAGE_SIZE × total / SPARSE rows. */
const SPARSE = 2000;

const DESC = [{ publishedAt: "desc" }, { id: "desc" }] as const;
const ASC = [{ publishedAt: "asc" }, { id: "asc" }] as const;

// The redundant lte/gte bound lets SQLite seek the date index to the cursor; with the OR alone it
// scanned every story of the scope (400 ms for a section of 12k stories).
export const olderThan = (c: Cursor) => ({
  publishedAt: { lte: c.publishedAt },
  OR: [{ publishedAt: { lt: c.publishedAt } }, { publishedAt: c.publishedAt, id: { lt: c.id } }],
});
export const newerThan = (c: Cursor) => ({
  publishedAt: { gte: c.publishedAt },
  OR: [{ publishedAt: { gt: c.publishedAt } }, { publishedAt: c.publishedAt, id: { gt: c.id } }],
});

const compare = (a: StoryKey, b: StoryKey) =>
  b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function relationWhere(scope: KeyScope) {
  switch (scope.kind) {
    case "section":
      return { ...published, sectionId: scope.id };
    case "tag":
      return { ...published, tags: { some: { tagId: scope.id } } };
    case "tags":
      return { ...published, tags: { some: { tagId: { in: scope.ids } } } };
    case "author":
      return { ...published, authors: { some: { authorId: scope.id } } };
  }
}

/** Every published story of a rare tag or author, newest first; null for a section or a common one. */
async function sparseKeys(scope: KeyScope, limit: number): Promise<StoryKey[] | null> {
  if (scope.kind === "section") return null;
  // Counting first keeps `take` (and the ORDER BY Prisma adds for it) off the link query.
  let links: { articleId: string }[];
  if (scope.kind === "author") {
    const where = { authorId: scope.id };
    if ((await db.articleAuthor.count({ where })) > limit) return null;
    links = await db.articleAuthor.findMany({ where, select: { articleId: true } });
  } else {
    const where = { tagId: "ids" in scope ? { in: scope.ids } : scope.id };
    if ((await db.articleTag.count({ where })) > limit) return null;
    links = await db.articleTag.findMany({ where, select: { articleId: true } });
  }
  // Status is checked here, not in SQL: with it there, SQLite preferred the status index to the
  // primary key and read every published story (seconds at 100k).
  const rows = await db.article.findMany({
    where: { id: { in: [...new Set(links.map((l) => l.articleId))] } },
    select: { id: true, publishedAt: true, status: true },
  });
  return rows
    .flatMap((r) =>
      r.status === published.status && r.publishedAt ? [{ id: r.id, publishedAt: r.publishedAt }] : [],
    )
    .sort(compare);
}

export type KeyWalker = {
  /** Up to `take` stories older than `cursor` (from the newest without one), newest first. */
  older(cursor: Cursor | null, take: number, exclude?: string[]): Promise<StoryKey[]>;
  /** Up to `take` stories newer than `cursor`, oldest first. */
  newer(cursor: Cursor, take: number): Promise<StoryKey[]>;
};

/** `sparseLimit` is for tests, which compare both ways of walking. */
export async function keyWalker(scope: KeyScope, sparseLimit = SPARSE): Promise<KeyWalker> {
  const sparse = await sparseKeys(scope, sparseLimit);
  if (sparse) {
    const isOlder = (k: StoryKey, c: Cursor) => compare(k, c) > 0;
    return {
      older: async (cursor, take, exclude = []) =>
        sparse.filter((k) => (!cursor || isOlder(k, cursor)) && !exclude.includes(k.id)).slice(0, take),
      newer: async (cursor, take) =>
        sparse
          .filter((k) => compare(k, cursor) < 0)
          .reverse()
          .slice(0, take),
    };
  }
  const base = relationWhere(scope);
  const select = { id: true, publishedAt: true } as const;
  const keys = (rows: { id: string; publishedAt: Date | null }[]) =>
    rows.map((r) => ({ id: r.id, publishedAt: r.publishedAt ?? new Date(0) }));
  return {
    older: async (cursor, take, exclude = []) =>
      keys(
        await db.article.findMany({
          where: {
            AND: [
              base,
              ...(cursor ? [olderThan(cursor)] : []),
              ...(exclude.length ? [{ id: { notIn: exclude } }] : []),
            ],
          },
          orderBy: [...DESC],
          take,
          select,
        }),
      ),
    newer: async (cursor, take) =>
      keys(
        await db.article.findMany({
          where: { AND: [base, newerThan(cursor)] },
          orderBy: [...ASC],
          take,
          select,
        }),
      ),
  };
}
