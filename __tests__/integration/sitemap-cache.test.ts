// The sitemaps read every story; their reads are cached under the list tag, which every import's
// revalidation expires (tagsForArticle always names it), so crawlers no longer cost a full read each.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { HEALING_LIFE, LIST_TAG, tagsForArticle } from "@/lib/cache-tags";
import { loadNewsSitemapArticles, loadSitemapArticles, loadSitemapPlan } from "@/lib/seo/sitemap-data";

const mockCalls: { life: unknown[]; tags: string[] } = { life: [], tags: [] };
jest.mock("next/cache", () => ({
  cacheLife: (life: unknown) => mockCalls.life.push(life),
  cacheTag: (...tags: string[]) => mockCalls.tags.push(...tags),
}));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

beforeAll(async () => {
  await importArticle(db, buildArticleInput({ slug: "mapped-story", publishedAt: new Date() }));
});
beforeEach(() => {
  mockCalls.life.length = 0;
  mockCalls.tags.length = 0;
});

it.each([
  ["the plan (robots.txt, /sitemap.xml)", () => loadSitemapPlan()],
  ["an article chunk", () => loadSitemapArticles(0)],
  ["the news sitemap", () => loadNewsSitemapArticles()],
])("caches %s under the tag an import expires, healing within minutes", async (_, load) => {
  expect(await load()).toBeTruthy();
  expect(mockCalls.tags).toEqual([LIST_TAG]);
  expect(tagsForArticle({ slug: "s", section: { slug: "x" }, authors: [] })).toContain(LIST_TAG);
  expect(mockCalls.life).toEqual([HEALING_LIFE]);
});

it("keys article chunks by a small whole number only", async () => {
  expect((await loadSitemapArticles(0)).map((a) => a.slug)).toContain("mapped-story");
  expect(await loadSitemapArticles({ not: 1 } as unknown as number)).toEqual([]);
  expect(await loadSitemapArticles(-1)).toEqual([]);
  expect(await loadSitemapArticles(1.5)).toEqual([]);
  expect(mockCalls.tags).toEqual([LIST_TAG]);
});
