// Full-text search over published articles: FTS5 on SQLite, tsvector on PostgreSQL, both kept in
// sync by the *_article_search migrations' triggers. The reader's text only ever reaches the
// database as a bound parameter built from plain terms (lib/stories/search-query.ts).
import "server-only";
import { db } from "../../db";
import { env } from "../../env";
import { takeLimit } from "../../rate-limits";
import type { Refusal } from "../../result";
import { providerOf } from "../../prisma";
import { summarySelect, toSummary, type ArticleSummary } from "./articles";
import {
  MAX_SEARCH_PAGE,
  parseSearchPage,
  parseSearchQuery,
  toFts5Match,
  toTsQuery,
  type SearchQuery,
} from "../search-query";
import { MARK_END, MARK_START, snippetParts, unfoldSnippet, type SnippetPart } from "../search-snippet";

export const SEARCH_PAGE_SIZE = 20;
/**
 * Stories one search ranks at most: past it, the newest this many that match. Ranking every match
 * of a common word costs time in proportion to the archive (0.8–1.5 s for a word in 85,000 of
 * 100,000 stories on SQLite, where it blocks the whole server; 0.33–0.45 s on PostgreSQL); the
 * newest thousand cost 19–33 ms and 35–50 ms. (On PostgreSQL the page's excerpts come on top:
 * 130–250 ms for 20 at 100,000 stories.) As many as the pages offered (MAX_SEARCH_PAGE); a reader
 * after an older story adds a word.
 */
export const SEARCH_RANKED = MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE;
/** About as long as a sentence: FTS5 counts tokens, PostgreSQL counts words. */
const SNIPPET_WORDS = 24;
// Headline, standfirst, body: a headline hit outranks several body hits. The same ratio on both.
const SQLITE_WEIGHTS = [10, 4, 1] as const;
const PG_WEIGHTS = "{0.1, 0.1, 0.4, 1.0}"; // D (unused), C body, B standfirst, A headline

export type SearchHit = ArticleSummary & {
  /** An excerpt of the body; parts with `match` are the words that matched. */
  snippet: SnippetPart[];
};

export type SearchResult = {
  query: SearchQuery;
  page: number;
  /** Stories ranked: every match, or SEARCH_RANKED when more match (`capped`). */
  total: number;
  capped: boolean;
  pageCount: number;
  hits: SearchHit[];
};

type Ranked = { id: string; snippet: string };
type Found = { total: number; capped: boolean; rows: Ranked[] };

// An entry's rowid follows its story's publication time (migration *_article_search_order), so FTS5
// reads a word's newest entries first and stops one past `ranked` of them: their number is the total,
// and the `ranked`-th the oldest entry ranked.
async function searchSqlite(match: string, offset: number, ranked: number): Promise<Found> {
  const newest = await db.$queryRaw<{ entry: bigint | number }[]>`
    SELECT "ArticleSearch"."rowid" AS entry
    FROM "ArticleSearch" JOIN "Article" a ON a."id" = "ArticleSearch"."articleId"
    WHERE "ArticleSearch" MATCH ${match} AND a."status" = 'PUBLISHED'
    ORDER BY "ArticleSearch"."rowid" DESC
    LIMIT ${ranked + 1}`;
  const capped = newest.length > ranked;
  const total = Math.min(newest.length, ranked);
  // Below Number.MIN_SAFE_INTEGER no entry is (see the migration).
  const from = capped ? Number(newest[ranked - 1].entry) : Number.MIN_SAFE_INTEGER;
  if (offset >= total) return { total, capped, rows: [] };
  const [h, s, b] = SQLITE_WEIGHTS;
  const rows = await db.$queryRaw<Ranked[]>`
    SELECT a."id" AS id,
      snippet("ArticleSearch", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_WORDS}) AS snippet
    FROM "ArticleSearch" JOIN "Article" a ON a."id" = "ArticleSearch"."articleId"
    WHERE "ArticleSearch" MATCH ${match} AND "ArticleSearch"."rowid" >= ${from} AND a."status" = 'PUBLISHED'
    ORDER BY bm25("ArticleSearch", ${h}, ${s}, ${b}, 0.0), a."publishedAt" DESC, a."id" DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`;
  return { total, capped, rows };
}

type PgRow = {
  n: number;
  id: string | null;
  marked: string;
  original: string | null;
  starts: boolean;
  ends: boolean;
};

// One statement, as on SQLite: `matched` takes the newest matches, one past `ranked`; their number is
// the total, and the first `ranked` of them are ranked. It writes its tsquery out rather than reading
// q's, so that the planner sees how common the words are: for a common word it walks the stories
// newest first and stops (12 ms at 85,000 matches of 100,000) instead of collecting every match. The
// count comes back on every row, and on a row of its own (id null) when the page is past the last.
// ts_headline runs on the folded body (the index's view of it) for this page's rows only; the
// excerpt's place in it is then cut from the original body, see unfoldSnippet(). `marked` is
// MATERIALIZED: inlined, PostgreSQL evaluated the fold and the headline again for each later use of
// `marked` and `plain` (about 5 ms a 2,000-character story each time; 480 ms for a page of 20 at
// 100,000 stories, 172 ms materialized), and the fold is done once, not again to place the excerpt.
async function searchPostgres(tsquery: string, offset: number, ranked: number): Promise<Found> {
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=${SNIPPET_WORDS}, MinWords=12, MaxFragments=0`;
  const found = await db.$queryRaw<PgRow[]>`
    WITH q AS (SELECT to_tsquery('english', ${tsquery}) AS query),
    matched AS (
      SELECT a."id", a."publishedAt"
      FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE s."document" @@ to_tsquery('english', ${tsquery}) AND a."status" = 'PUBLISHED'
      ORDER BY a."publishedAt" DESC, a."id" DESC
      LIMIT ${ranked + 1}
    ),
    counted AS (SELECT count(*)::int AS n FROM matched),
    recent AS (SELECT * FROM matched ORDER BY "publishedAt" DESC, "id" DESC LIMIT ${ranked}),
    page AS (
      SELECT a."id", a."body", r."publishedAt", ts_rank_cd(${PG_WEIGHTS}::float4[], s."document", q.query, 1) AS rank
      FROM recent r JOIN "Article" a ON a."id" = r."id" JOIN "ArticleSearch" s ON s."articleId" = r."id", q
      ORDER BY rank DESC, r."publishedAt" DESC, r."id" DESC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    ),
    folded AS (SELECT p.*, "article_search_fold"(p."body") AS folded FROM page p),
    marked AS MATERIALIZED (
      SELECT f.*, ts_headline('english', f.folded, q.query, ${options}) AS marked FROM folded f, q
    ),
    located AS (
      SELECT m.*, replace(replace(m.marked, ${MARK_START}, ''), ${MARK_END}, '') AS plain FROM marked m
    ),
    placed AS (
      SELECT l.*, strpos(l.folded, l.plain) AS pos FROM located l
    )
    SELECT c.n, p."id" AS id, p.marked,
      CASE WHEN p.pos > 0 THEN substr(p."body", p.pos, char_length(p.plain)) END AS original,
      p.pos <= 1 AS starts, p.pos + char_length(p.plain) > char_length(p."body") AS ends
    FROM counted c LEFT JOIN placed p ON true
    ORDER BY p.rank DESC, p."publishedAt" DESC, p."id" DESC`;
  const n = found[0]?.n ?? 0;
  const rows = found.filter((r): r is PgRow & { id: string } => r.id !== null);
  const capped = n > ranked;
  const total = Math.min(n, ranked);
  return {
    total,
    capped,
    rows: rows.map((r) => {
      const text = unfoldSnippet(r.marked, r.original);
      return { id: r.id, snippet: `${r.starts ? "" : "…"}${text}${r.ends ? "" : "…"}` };
    }),
  };
}

/**
 * A reader's search, limited per client address (SEARCH_LIMIT_PER_MINUTE): each one is a full-text
 * query the cache cannot answer. Only searches that reach the database count.
 */
export async function searchFor(
  clientKey: string,
  input: unknown,
  pageInput: unknown = 1,
): Promise<SearchResult | { limited: Refusal; query: SearchQuery }> {
  const limited = await searchLimit(clientKey, input);
  if (limited) return { limited, query: parseSearchQuery(input) };
  return searchArticles(input, pageInput);
}

/**
 * Counts one search by `clientKey` against SEARCH_LIMIT_PER_MINUTE: the refusal when it is over,
 * else null. A query with no words to search for reaches no database and never counts. proxy.ts
 * asks this before the search page renders, so an over-limit search answers 429.
 */
export async function searchLimit(clientKey: string, input: unknown): Promise<Refusal | null> {
  if (parseSearchQuery(input).terms.length === 0) return null;
  return takeLimit("search", clientKey);
}

/**
 * One page of published articles matching `input` (a raw `?q=` value), best first among the newest
 * `ranked` (SEARCH_RANKED; smaller in tests) that match. Never throws on odd input.
 */
export async function searchArticles(
  input: unknown,
  pageInput: unknown = 1,
  { ranked = SEARCH_RANKED }: { ranked?: number } = {},
): Promise<SearchResult> {
  const query = parseSearchQuery(input);
  const page = parseSearchPage(pageInput);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const empty = { query, page, total: 0, capped: false, pageCount: 0, hits: [] };
  const postgres = providerOf(env.DATABASE_URL) === "postgresql";
  const expression = postgres ? toTsQuery(query) : toFts5Match(query);
  if (!expression) return empty;

  const { total, capped, rows } = postgres
    ? await searchPostgres(expression, offset, ranked)
    : await searchSqlite(expression, offset, ranked);
  const found = await db.article.findMany({
    where: { id: { in: rows.map((r) => r.id) }, status: "PUBLISHED" },
    select: summarySelect,
  });
  const byId = new Map(found.map((a) => [a.id, a]));
  const hits = rows.flatMap((r): SearchHit[] => {
    const a = byId.get(r.id);
    if (!a) return [];
    return [{ ...toSummary(a), snippet: snippetParts(r.snippet) }];
  });
  return { query, page, total, capped, pageCount: Math.ceil(total / SEARCH_PAGE_SIZE), hits };
}
