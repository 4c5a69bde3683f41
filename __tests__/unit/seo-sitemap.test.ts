import { SITE } from "./seo-env";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { resolveRobots, resolveSitemap } from "next/dist/build/webpack/loaders/metadata/resolve-route-data";
import {
  articleEntries,
  articleSitemapPlan,
  listingEntries,
  newsSitemapXml,
  newsWindowStart,
  parseChunkId,
  robotsFor,
  SITEMAP_MAX_URLS,
} from "@/lib/seo/sitemap";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "url" });
const hour = 3600 * 1000;

describe("sitemap entries", () => {
  const listings = {
    sections: [
      { slug: "city", lastModified: new Date("2026-01-05T00:00:00Z") },
      { slug: "empty", lastModified: null },
    ],
    tags: ["harbour"],
    authors: ["mara-quist"],
  };

  it("lists home, about, sections, tags and authors with absolute URLs", () => {
    const entries = listingEntries(listings);
    expect(entries.map((e) => e.url)).toEqual([
      `${SITE}/`,
      `${SITE}/about`,
      `${SITE}/sections/city`,
      `${SITE}/sections/empty`,
      `${SITE}/tags/harbour`,
      `${SITE}/authors/mara-quist`,
    ]);
    // Home changes whenever the newest story does.
    expect(entries[0].lastModified).toEqual(new Date("2026-01-05T00:00:00Z"));
    expect(entries[3].lastModified).toBeUndefined();
  });

  it("gives every article its lastmod, and Next renders it all as well-formed XML", () => {
    const entries = articleEntries([{ slug: "a-b", lastModified: new Date("2026-01-02T03:04:05Z") }]);
    expect(entries).toEqual([
      { url: `${SITE}/articles/a-b`, lastModified: new Date("2026-01-02T03:04:05Z"), priority: 0.6 },
    ]);
    const xml = resolveSitemap([...listingEntries(listings), ...entries]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url;
    expect(urls).toHaveLength(7);
    expect(urls[6]).toMatchObject({ loc: `${SITE}/articles/a-b`, lastmod: "2026-01-02T03:04:05.000Z" });
  });

  it("keeps articles in /sitemap.xml up to 50,000 URLs in all, then splits them into files of 50,000", () => {
    expect(articleSitemapPlan(SITEMAP_MAX_URLS - 10, 10)).toEqual({ inline: true, chunks: 0 });
    expect(articleSitemapPlan(SITEMAP_MAX_URLS - 10, 11)).toEqual({ inline: false, chunks: 1 });
    expect(articleSitemapPlan(100_000, 50)).toEqual({ inline: false, chunks: 2 });
    expect(articleSitemapPlan(100_001, 50)).toEqual({ inline: false, chunks: 3 });
  });
});

describe("robots.txt", () => {
  it("allows everything and names both sitemaps, plus the split ones when there are any", () => {
    const txt = resolveRobots(robotsFor(0));
    expect(txt).toMatch(/User-Agent: \*\nAllow: \/\n/);
    expect(txt).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(txt).toContain(`Sitemap: ${SITE}/news-sitemap.xml`);
    expect(txt).not.toContain("sitemaps/articles");
    expect(resolveRobots(robotsFor(2))).toContain(`Sitemap: ${SITE}/sitemaps/articles/sitemap/1.xml`);
  });
});

describe("newsSitemapXml", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * hour);

  it("keeps only stories from the last 48 hours, and none from the future", () => {
    const xml = newsSitemapXml(
      [
        { slug: "future", headline: "Future", publishedAt: at(-1) },
        { slug: "fresh", headline: "Fresh", publishedAt: at(1) },
        { slug: "edge", headline: "Edge", publishedAt: at(48) },
        { slug: "stale", headline: "Stale", publishedAt: at(48.01) },
      ],
      now,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual([
      `${SITE}/articles/fresh`,
      `${SITE}/articles/edge`,
    ]);
    expect(newsWindowStart(now)).toEqual(at(48));
  });

  it("carries the Google News fields, escaped", () => {
    const xml = newsSitemapXml(
      [{ slug: "s", headline: "Fish & chips <now> \u0007", publishedAt: at(2) }],
      now,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml).urlset;
    expect(doc["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(doc.url[0]["news:news"]).toEqual({
      "news:publication": { "news:name": "The Test Courier & Gazette", "news:language": "en" },
      "news:publication_date": at(2).toISOString(),
      "news:title": "Fish & chips <now>",
    });
  });

  it("is a valid, empty urlset on a quiet news day", () => {
    const xml = newsSitemapXml([], now);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).urlset.url).toBeUndefined();
  });
});

describe("parseChunkId", () => {
  test("reads the digits of an article sitemap's file name", () => {
    expect(parseChunkId("0")).toBe(0);
    expect(parseChunkId("12")).toBe(12);
  });

  test.each(["abc", "", "-1", "1.5", "1e3", " 1", "NaN", "Infinity", "9999999"])(
    "refuses %j (it used to become NaN and a 500)",
    (raw) => expect(parseChunkId(raw)).toBeNull(),
  );
});
