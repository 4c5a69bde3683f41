import { SITE } from "./seo-env";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { FeedArticle } from "@/lib/stories/dal/feeds";
import { buildRssFeed, imageTypeOf, RSS_HEADERS } from "@/lib/seo/feed";
import { localImageFiles, publicFile } from "@/lib/seo/images";

const story = (n: number, over: Partial<FeedArticle> = {}): FeedArticle => ({
  slug: `story-${n}`,
  headline: `Story ${n}`,
  standfirst: `What happened, part ${n}.`,
  publishedAt: new Date(Date.UTC(2026, 0, n, 9)),
  updatedAt: new Date(Date.UTC(2026, 0, n, 9)),
  section: { slug: "city", name: "City" },
  tags: [{ slug: "harbour", name: "Harbour" }],
  authors: [{ slug: "mara-quist", name: "Mara Quist" }],
  hero: { path: "/images/demo/a.jpg", alt: "Cranes at dusk" },
  ...over,
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (n) => n === "item" || n === "category",
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).rss.channel;
}

const channel = { title: "Latest", description: "Newest stories", path: "/", feedPath: "/feed.xml" };

describe("buildRssFeed", () => {
  it("lists every story with absolute links, a permalink guid, dates, categories and byline", () => {
    const xml = buildRssFeed(channel, [
      story(2),
      story(1, {
        authors: [
          { slug: "a", name: "A" },
          { slug: "b", name: "B" },
        ],
      }),
    ]);
    const ch = parse(xml);
    expect(ch.link).toBe(`${SITE}/`);
    expect(ch["atom:link"]["@href"]).toBe(`${SITE}/feed.xml`);
    expect(ch.item).toHaveLength(2);
    const [first, second] = ch.item;
    expect(first.link).toBe(`${SITE}/articles/story-2`);
    expect(first.guid["#text"]).toBe(first.link);
    expect(first.guid["@isPermaLink"]).toBe("true");
    expect(first.pubDate).toBe(new Date(Date.UTC(2026, 0, 2, 9)).toUTCString());
    expect(first.category.map((c: { "#text": string }) => c["#text"])).toEqual(["City", "Harbour"]);
    expect(first.category[0]["@domain"]).toBe(`${SITE}/sections/city`);
    expect(first["dc:creator"]).toBe("Mara Quist");
    expect(second["dc:creator"]).toBe("A, B");
    expect(xml).toMatch(/xmlns:dc="http:\/\/purl.org\/dc\/elements\/1.1\/"/);
  });

  it("gives the hero as an enclosure with the size found on disk", () => {
    const xml = buildRssFeed(
      channel,
      [story(1), story(2, { hero: null })],
      new Map([["/images/demo/a.jpg", { length: 12345, type: "image/jpeg" }]]),
    );
    const [withHero, without] = parse(xml).item;
    expect(withHero.enclosure).toEqual({
      "@url": `${SITE}/images/demo/a.jpg`,
      "@length": "12345",
      "@type": "image/jpeg",
    });
    expect(without.enclosure).toBeUndefined();
  });

  it("falls back to length 0 and a type from the extension for images it could not measure", () => {
    const xml = buildRssFeed(channel, [story(1, { hero: { path: "/images/x.png", alt: "" } })]);
    expect(parse(xml).item[0].enclosure).toMatchObject({ "@length": "0", "@type": "image/png" });
  });

  it("stays well-formed whatever the text holds", () => {
    const nasty = "Tom & Jerry <script>alert(1)</script> ]]> twice ]]> \u0001\u000b end";
    const xml = buildRssFeed({ ...channel, title: nasty }, [
      story(1, {
        headline: nasty,
        standfirst: nasty,
        section: { slug: "city", name: "A&B <c>" },
        tags: [],
        authors: [{ slug: "x", name: "O'Neil & <Co>" }],
        hero: { path: "/images/a&b.jpg", alt: 'say "hi" & <bye>' },
      }),
    ]);
    const item = parse(xml).item[0];
    expect(item.title).toContain("Tom & Jerry <script>");
    expect(item.category[0]["#text"]).toBe("A&B <c>");
    expect(item["dc:creator"]).toBe("O'Neil & <Co>");
    expect(item.enclosure["@url"]).toBe(`${SITE}/images/a&b.jpg`);
  });

  it("is valid for an empty section", () => {
    const ch = parse(buildRssFeed(channel, []));
    expect(ch.item).toBeUndefined();
    expect(ch.title).toBe("Latest");
  });

  it("is served as RSS", () => {
    expect(RSS_HEADERS["Content-Type"]).toBe("application/rss+xml; charset=utf-8");
  });
});

describe("hero files on disk", () => {
  const root = mkdtempSync(path.join(tmpdir(), "seo-public-"));
  mkdirSync(path.join(root, "images"));
  writeFileSync(path.join(root, "images", "hero.jpg"), Buffer.alloc(2048));

  it("measures local files and skips missing or foreign ones", async () => {
    const found = await localImageFiles(
      ["/images/hero.jpg", "/images/hero.jpg", "/images/missing.jpg", "https://cdn.example/x.jpg"],
      root,
    );
    expect([...found]).toEqual([["/images/hero.jpg", { length: 2048, type: "image/jpeg" }]]);
  });

  it("never leaves public/", () => {
    expect(publicFile("/../package.json", root)).toBeNull();
    expect(publicFile("/images/%2e%2e/%2e%2e/etc/passwd", root)).toBeNull();
    expect(publicFile("//evil.example/x.jpg", root)).toBeNull();
    expect(publicFile("/images/%zz.jpg", root)).toBeNull();
    expect(publicFile("/images/hero.jpg", root)).toBe(path.join(root, "images", "hero.jpg"));
  });

  it("knows the common image types", () => {
    expect(imageTypeOf("/a/b.JPG")).toBe("image/jpeg");
    expect(imageTypeOf("/a/b.webp?v=1")).toBe("image/webp");
  });
});
