import { XMLParser, XMLValidator } from "fast-xml-parser";
import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import {
  countPublishedArticles,
  FEED_SIZE,
  listFeedArticles,
  listNewsSitemapArticles,
  listSitemapArticles,
  listSitemapAuthors,
  listSitemapSections,
  listSitemapTags,
} from "@/lib/stories/dal/feeds";
import { GET as siteFeed } from "@/app/feed.xml/route";
import { GET as sectionFeed } from "@/app/(site)/sections/[slug]/feed.xml/route";
import { GET as newsSitemap } from "@/app/news-sitemap.xml/route";
import sitemap from "@/app/sitemap";
import robots from "@/app/robots";
import articleSitemap, { generateSitemaps } from "@/app/sitemaps/articles/sitemap";

// connection() only marks a render as request-time; outside Next there is no render to mark.
jest.mock("next/server", () => ({ ...jest.requireActual("next/server"), connection: async () => undefined }));
// The sitemap reads are "use cache" functions; outside a Next request their cache calls do nothing.
jest.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const hour = 3600 * 1000;
const now = Date.now();
const CITY = { name: "City", slug: "city" };
const SPORT = { name: "Sport", slug: "sport" };
const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "item" || n === "url" });

beforeAll(async () => {
  // 55 city stories, one a day, oldest first: city-0 is 60 days old, city-54 six days old.
  for (let i = 0; i < 55; i++) {
    const input = buildArticleInput({
      slug: `city-${i}`,
      section: CITY,
      publishedAt: new Date(now - (60 - i) * 24 * hour),
    });
    await importArticle(db, input);
  }
  await importArticle(
    db,
    buildArticleInput({ slug: "sport-old", section: SPORT, publishedAt: new Date(now - 50 * hour) }),
  );
  await importArticle(
    db,
    buildArticleInput({ slug: "sport-recent", section: SPORT, publishedAt: new Date(now - 47 * hour) }),
  );
  await importArticle(
    db,
    buildArticleInput({
      slug: "sport-new",
      headline: "Cup final & replay",
      section: SPORT,
      tags: [{ name: "Cup", slug: "cup" }],
      publishedAt: new Date(now - 1 * hour),
    }),
  );
  // Drafts are the newest of all, so any leak shows at the top.
  for (const section of [CITY, SPORT]) {
    await importArticle(
      db,
      buildArticleInput({
        slug: `draft-${section.slug}`,
        section,
        status: "DRAFT",
        tags: [{ name: "Secret", slug: "secret" }],
        authors: [{ name: "Ghost Writer", slug: "ghost-writer" }],
        publishedAt: new Date(now - 0.5 * hour),
      }),
    );
  }
  await db.section.create({ data: { slug: "empty", name: "Empty" } });
  // 60 imports, one transaction each: more than the default 5 s on a busy machine.
}, 120_000);

describe("feed reads", () => {
  it("return the newest 50 published stories, newest first", async () => {
    const items = await listFeedArticles();
    expect(items).toHaveLength(FEED_SIZE);
    expect(items.map((a) => a.slug).slice(0, 5)).toEqual([
      "sport-new",
      "sport-recent",
      "sport-old",
      "city-54",
      "city-53",
    ]);
    expect(items.some((a) => a.slug.startsWith("draft"))).toBe(false);
    const times = items.map((a) => a.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items[0]).toMatchObject({
      section: SPORT,
      tags: [{ slug: "cup", name: "Cup" }],
      authors: [{ slug: "test-writer", name: "Test Writer" }],
      hero: { path: "/images/demo/test.jpg" },
    });
  });

  it("filter by section", async () => {
    const sport = await db.section.findUniqueOrThrow({ where: { slug: "sport" }, select: { id: true } });
    expect((await listFeedArticles({ sectionId: sport.id })).map((a) => a.slug)).toEqual([
      "sport-new",
      "sport-recent",
      "sport-old",
    ]);
  });
});

describe("sitemap reads", () => {
  it("page through every published story, oldest first", async () => {
    expect(await countPublishedArticles()).toBe(58);
    const first = await listSitemapArticles({ skip: 0, take: 2 });
    expect(first.map((a) => a.slug)).toEqual(["city-0", "city-1"]);
    const all = await listSitemapArticles({ skip: 0, take: 1000 });
    expect(all).toHaveLength(58);
    expect(all.at(-1)?.slug).toBe("sport-new");
    expect((await listSitemapArticles({ skip: 57, take: 10 })).map((a) => a.slug)).toEqual(["sport-new"]);
  });

  it("list sections with their newest story, and only tags and authors with published stories", async () => {
    const sections = await listSitemapSections();
    expect(sections.find((s) => s.slug === "sport")?.lastModified?.getTime()).toBe(now - 1 * hour);
    expect(sections.find((s) => s.slug === "empty")?.lastModified).toBeNull();
    expect(await listSitemapTags()).toEqual(["cup", "harbour"]);
    expect(await listSitemapAuthors()).toEqual(["test-writer"]);
  });

  it("give the news sitemap the last 48 hours only", async () => {
    const news = await listNewsSitemapArticles(new Date(now - 48 * hour));
    expect(news.map((a) => a.slug)).toEqual(["sport-new", "sport-recent"]);
  });
});

describe("routes", () => {
  it("serve /feed.xml as RSS with 50 items", async () => {
    const res = await siteFeed();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = parser.parse(xml).rss.channel.item;
    expect(items).toHaveLength(50);
    expect(items[0].title).toBe("Cup final & replay");
    expect(items[0].link).toMatch(/^https?:\/\/[^/]+\/articles\/sport-new$/);
  });

  it("serve a section's feed, and 404 for a section that does not exist", async () => {
    const ok = await sectionFeed(new Request("http://x/"), { params: Promise.resolve({ slug: "sport" }) });
    const items = parser.parse(await ok.text()).rss.channel.item;
    expect(items.map((i: { link: string }) => i.link.replace(/^.*\//, ""))).toEqual([
      "sport-new",
      "sport-recent",
      "sport-old",
    ]);
    const empty = await sectionFeed(new Request("http://x/"), { params: Promise.resolve({ slug: "empty" }) });
    expect(empty.status).toBe(200);
    expect(parser.parse(await empty.text()).rss.channel.item).toBeUndefined();
    const missing = await sectionFeed(new Request("http://x/"), {
      params: Promise.resolve({ slug: "no-such" }),
    });
    expect(missing.status).toBe(404);
  });

  it("serve the news sitemap", async () => {
    const res = await newsSitemap();
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).urlset.url).toHaveLength(2);
  });

  it("list every published story in /sitemap.xml while it fits, with robots.txt pointing at both sitemaps", async () => {
    const entries = await sitemap();
    const articles = entries.filter((e) => e.url.includes("/articles/"));
    expect(articles).toHaveLength(58);
    expect(entries.some((e) => e.url.includes("draft"))).toBe(false);
    expect(
      entries.filter((e) => e.url.includes("/sections/")).map((e) => e.url.replace(/^.*\//, "")),
    ).toEqual(expect.arrayContaining(["city", "sport", "empty"]));
    expect(await generateSitemaps()).toEqual([]);
    expect((await articleSitemap({ id: Promise.resolve("0") })).length).toBe(58);
    const rules = await robots();
    expect(rules.sitemap).toEqual([
      expect.stringMatching(/\/sitemap\.xml$/),
      expect.stringMatching(/\/news-sitemap\.xml$/),
    ]);
  });
});
