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
import { parseSearchPage, parseSearchQuery, toFts5Match, toTsQuery, type SearchQuery } from "../search-query";
import { MARK_END, MARK_START, snippetParts, unfoldSnippet, type SnippetPart } from "../search-snippet";

export const SEARCH_PAGE_SIZE = 20;
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
  total: number;
  pageCount: number;
  hits: SearchHit[];
};

type Ranked = { id: string; snippet: string };

async function searchSqlite(match: string, offset: number): Promise<{ total: number; rows: Ranked[] }> {
  const [{ n }] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS n
    FROM "ArticleSearch" JOIN "Article" a ON a."id" = "ArticleSearch"."articleId"
    WHERE "ArticleSearch" MATCH ${match} AND a."status" = 'PUBLISHED'`;
  const total = Number(n);
  if (offset >= total) return { total, rows: [] };
  const [h, s, b] = SQLITE_WEIGHTS;
  const rows = await db.$queryRaw<Ranked[]>`
    SELECT a."id" AS id,
      snippet("ArticleSearch", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_WORDS}) AS snippet
    FROM "ArticleSearch" JOIN "Article" a ON a."id" = "ArticleSearch"."articleId"
    WHERE "ArticleSearch" MATCH ${match} AND a."status" = 'PUBLISHED'
    ORDER BY bm25("ArticleSearch", ${h}, ${s}, ${b}, 0.0), a."publishedAt" DESC, a."id" DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`;
  return { total, rows };
}

type PgRow = { id: string; marked: string; original: string | null; starts: boolean; ends: boolean };

async function searchPostgres(tsquery: string, offset: number): Promise<{ total: number; rows: Ranked[] }> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
    FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
    WHERE s."document" @@ to_tsquery('english', ${tsquery}) AND a."status" = 'PUBLISHED'`;
  if (offset >= n) return { total: n, rows: [] };
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=${SNIPPET_WORDS}, MinWords=12, MaxFragments=0`;
  // ts_headline runs on the folded body (the index's view of it) for this page's rows only; the
  // excerpt's place in it is then cut from the original body, see unfoldSnippet().
  const rows = await db.$queryRaw<PgRow[]>`
    WITH q AS (SELECT to_tsquery('english', ${tsquery}) AS query),
    page AS (
      SELECT a."id", a."body", a."publishedAt", ts_rank_cd(${PG_WEIGHTS}::float4[], s."document", q.query, 1) AS rank
      FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId", q
      WHERE s."document" @@ q.query AND a."status" = 'PUBLISHED'
      ORDER BY rank DESC, a."publishedAt" DESC, a."id" DESC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    ),
    marked AS (
      SELECT p.*, ts_headline('english', "article_search_fold"(p."body"), q.query, ${options}) AS marked
      FROM page p, q
    ),
    located AS (
      SELECT m.*, replace(replace(m.marked, ${MARK_START}, ''), ${MARK_END}, '') AS plain FROM marked m
    ),
    placed AS (
      SELECT l.*, strpos("article_search_fold"(l."body"), l.plain) AS pos FROM located l
    )
    SELECT "id" AS id, marked,
      CASE WHEN pos > 0 THEN substr("body", pos, char_length(plain)) END AS original,
      pos <= 1 AS starts, pos + char_length(plain) > char_length("body") AS ends
    FROM placed
    ORDER BY rank DESC, "publishedAt" DESC, "id" DESC`;
  return {
    total: n,
    rows: rows.map((r) => {
      const text = unfoldSnippet(r.marked, r.original);
      return { id: r.id, snippet: `${r.starts ? "" : "…"}${text}${r.ends ? "" : "…"}` };
    }),
  };
}

/** One page of published articles matching `input` (a raw `?q=` value), best first. Never throws on odd input. */
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

export async function searchArticles(input: unknown, pageInput: unknown = 1): Promise<SearchResult> {
  const query = parseSearchQuery(input);
  const page = parseSearchPage(pageInput);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const empty = { query, page, total: 0, pageCount: 0, hits: [] };
  const postgres = providerOf(env.DATABASE_URL) === "postgresql";
  const expression = postgres ? toTsQuery(query) : toFts5Match(query);
  if (!expression) return empty;

  const { total, rows } = postgres
    ? await searchPostgres(expression, offset)
    : await searchSqlite(expression, offset);
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
  return { query, page, total, pageCount: Math.ceil(total / SEARCH_PAGE_SIZE), hits };
}
