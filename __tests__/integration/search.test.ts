// Full-text search on the real database of this run (SQLite and PostgreSQL alike).
import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { searchArticles, SEARCH_PAGE_SIZE, SEARCH_RANKED } from "@/lib/stories/dal/search";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const day = 24 * 3600 * 1000;
const base = Date.UTC(2026, 9, 1, 9, 0, 0);
const story = (slug: string, fields: Parameters<typeof buildArticleInput>[0], age = 0) =>
  importArticle(
    db,
    buildArticleInput({
      slug,
      headline: "Council notes",
      standfirst: "Routine business at the town hall.",
      bodyMarkdown: "Members met and agreed the minutes.",
      tags: [],
      publishedAt: new Date(base - age * day),
      ...fields,
    }),
  );
const slugs = async (q: string, page?: string) => (await searchArticles(q, page)).hits.map((h) => h.slug);

beforeAll(async () => {
  // The body-only hit is the newer one, so only ranking can put the headline hit first.
  await story("lighthouse-headline", { headline: "Lighthouse keeper retires" }, 5);
  await story("lighthouse-body", { bodyMarkdown: "A walk past the old lighthouse on Sunday." }, 1);
  await story("cafe-accent", { bodyMarkdown: "The new **café** on Quay Street opens at eight." });
  await story("draft-lighthouse", { headline: "Lighthouse draft", status: "DRAFT" });
  await story("ferry-timetable", { standfirst: "The ferries run late all winter." }, 2);
  await story("angle-brackets", {
    bodyMarkdown: 'She wrote <script>alert("x")</script> beside the word marmalade & left.',
  });
});

describe("searchArticles", () => {
  it("ranks a headline hit above a newer body-only hit", async () => {
    expect(await slugs("lighthouse")).toEqual(["lighthouse-headline", "lighthouse-body"]);
  });

  it("never returns drafts", async () => {
    const result = await searchArticles("lighthouse draft");
    expect(result.hits.map((h) => h.slug)).not.toContain("draft-lighthouse");
    expect(result.total).toBe(0);
  });

  it("folds accents both ways and stems", async () => {
    expect(await slugs("cafe")).toEqual(["cafe-accent"]);
    expect(await slugs("CAFÉ")).toEqual(["cafe-accent"]);
    expect(await slugs("ferry")).toEqual(["ferry-timetable"]);
  });

  it("treats the last term as a prefix, and only the last", async () => {
    expect(await slugs("lightho")).toEqual(["lighthouse-headline", "lighthouse-body"]);
    expect(await slugs("keeper lightho")).toEqual(["lighthouse-headline"]);
    expect(await slugs("lightho keeper")).toEqual([]);
  });

  it("requires every term", async () => {
    expect(await slugs("lighthouse walk")).toEqual(["lighthouse-body"]);
  });

  it("marks the matched words in a body snippet, as plain text", async () => {
    const [hit] = (await searchArticles("cafe")).hits;
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(["café"]);
    expect(hit.snippet.map((p) => p.text).join("")).toBe("The new café on Quay Street opens at eight.");

    const [html] = (await searchArticles("marmalade")).hits;
    const text = html.snippet.map((p) => p.text).join("");
    expect(text).toContain('<script>alert("x")</script>');
    expect(html.snippet.find((p) => p.match)?.text).toBe("marmalade");
  });

  it("returns DTOs with section, byline and hero, and the total", async () => {
    const result = await searchArticles("lighthouse");
    expect(result).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(Object.keys(result.hits[0]).sort()).toEqual(
      ["authors", "headline", "hero", "id", "publishedAt", "section", "slug", "snippet", "standfirst"].sort(),
    );
    expect(result.hits[0].publishedAt).toBeInstanceOf(Date);
  });

  it("follows updates and deletes (the index is kept in sync by triggers)", async () => {
    await story("renamed", { headline: "Bandstand repainted" });
    expect(await slugs("bandstand")).toEqual(["renamed"]);
    await db.article.update({ where: { slug: "renamed" }, data: { headline: "Pavilion repainted" } });
    expect(await slugs("bandstand")).toEqual([]);
    expect(await slugs("pavilion")).toEqual(["renamed"]);

    await db.article.update({ where: { slug: "renamed" }, data: { status: "DRAFT" } });
    expect(await slugs("pavilion")).toEqual([]);
    await db.article.update({ where: { slug: "renamed" }, data: { status: "PUBLISHED" } });
    expect(await slugs("pavilion")).toEqual(["renamed"]);

    await db.article.delete({ where: { slug: "renamed" } });
    expect(await slugs("pavilion")).toEqual([]);
    expect(await slugs("repainted")).toEqual([]);
  });

  it("pages through results, 20 at a time", async () => {
    for (let i = 0; i < SEARCH_PAGE_SIZE + 3; i++)
      await story(`regatta-${i}`, { headline: `Regatta day ${i}` }, i);
    const first = await searchArticles("regatta");
    expect(first).toMatchObject({ total: 23, pageCount: 2 });
    expect(first.hits).toHaveLength(20);
    expect(first.hits[0].slug).toBe("regatta-0");
    const second = await searchArticles("regatta", "2");
    expect(second.hits.map((h) => h.slug)).toEqual(["regatta-20", "regatta-21", "regatta-22"]);
    // Past the last page: no hits, and still the count (the summary offers "only 2 pages").
    expect(await searchArticles("regatta", "3")).toMatchObject({ total: 23, pageCount: 2, hits: [] });
    expect((await searchArticles("regatta", "banana")).page).toBe(1);
    expect((await searchArticles("regatta", "-4")).page).toBe(1);
  });

  it("ranks only the newest matches of a word many stories share, and says so", async () => {
    // Imported out of order, so the index's insertion order is not the publication order. The oldest
    // has the word in its headline: ranked among all five it would come first.
    for (const age of [2, 0, 4, 1, 3])
      await story(
        `kelp-${age}`,
        age === 4 ? { headline: "Kelp forest mapped" } : { bodyMarkdown: "Kelp on the slipway." },
        age,
      );
    const all = await searchArticles("kelp");
    expect(all).toMatchObject({ total: 5, capped: false, pageCount: 1 });
    expect(all.hits[0].slug).toBe("kelp-4");
    expect(await searchArticles("kelp", 1, { ranked: 5 })).toMatchObject({ total: 5, capped: false });

    const newest = await searchArticles("kelp", 1, { ranked: 3 });
    expect(newest).toMatchObject({ total: 3, capped: true, pageCount: 1 });
    expect(newest.hits.map((h) => h.slug)).toEqual(["kelp-0", "kelp-1", "kelp-2"]);
    expect((await searchArticles("kelp", 1, { ranked: 2 })).hits.map((h) => h.slug)).toEqual([
      "kelp-0",
      "kelp-1",
    ]);
    expect(await searchArticles("kelp", "2", { ranked: 2 })).toMatchObject({
      total: 2,
      capped: true,
      hits: [],
    });
    expect(SEARCH_RANKED).toBe(1000);
  });

  it("moves a story among the newest when its publication time changes", async () => {
    await db.article.update({ where: { slug: "kelp-4" }, data: { publishedAt: new Date(base + day) } });
    const newest = await searchArticles("kelp", 1, { ranked: 2 });
    expect(newest.hits.map((h) => h.slug)).toEqual(["kelp-4", "kelp-0"]);
    await db.article.update({ where: { slug: "kelp-4" }, data: { publishedAt: new Date(base - 4 * day) } });
    expect((await searchArticles("kelp", 1, { ranked: 2 })).hits.map((h) => h.slug)).toEqual([
      "kelp-0",
      "kelp-1",
    ]);
  });

  it("indexes stories published in the same second, and keeps the newest of them", async () => {
    const second = base + 3 * 3600 * 1000;
    for (let i = 0; i < 4; i++)
      await story(`tidepool-${i}`, { headline: `Tidepool survey ${i}`, publishedAt: new Date(second + i) });
    const result = await searchArticles("tidepool");
    expect(result).toMatchObject({ total: 4, capped: false });
    expect(result.hits.map((h) => h.slug).sort()).toEqual([
      "tidepool-0",
      "tidepool-1",
      "tidepool-2",
      "tidepool-3",
    ]);
    expect(await searchArticles("tidepool", 1, { ranked: 3 })).toMatchObject({ total: 3, capped: true });
  });

  const hostile = [
    "",
    "   ",
    '"',
    '"lighthouse',
    "lighthouse\"'",
    "*",
    "light*",
    "NEAR(lighthouse keeper, 2)",
    "lighthouse NEAR keeper",
    "lighthouse AND keeper",
    "lighthouse OR ferry",
    "NOT lighthouse",
    "AND",
    "((lighthouse)",
    ")",
    "-lighthouse",
    "lighthouse -keeper",
    ":",
    "headline:lighthouse",
    "{headline}: lighthouse",
    "^lighthouse",
    "lighthouse:*",
    "lighthouse & keeper | !ferry <-> x",
    '\'; DROP TABLE "Article"; --',
    "\\",
    "\u0000",
    "\u0301",
    "🚢⚓️",
    "Ελληνικά 日本語 العربية",
    "\uE000lighthouse\uE001",
    "\uD800",
    "x".repeat(10_000),
    "lighthouse ".repeat(1_000),
    ["lighthouse", "ferry"],
    undefined,
    42,
  ];

  it.each(hostile.map((q) => [JSON.stringify(q)?.slice(0, 40), q]))(
    "answers the hostile query %s without throwing",
    async (_, q) => {
      const result = await searchArticles(q);
      expect(Array.isArray(result.hits)).toBe(true);
      expect(result.query.text.length).toBeLessThanOrEqual(200);
    },
  );

  it("searches operator words as plain words", async () => {
    expect(await slugs("headline:lighthouse")).toEqual([]); // "headline" is just a word here
    expect(await slugs("lighthouse:keeper")).toEqual(["lighthouse-headline"]);
    expect(await slugs('"lighthouse" -keeper')).toEqual(["lighthouse-headline"]);
    expect(await slugs("NEAR(lighthouse)")).toEqual([]);
    expect(await slugs("(lighthouse)")).toEqual(["lighthouse-headline", "lighthouse-body"]);
  });
});
