import { SITE } from "./seo-env";
import { renderToStaticMarkup } from "react-dom/server";
import { JsonLd } from "@/components/json-ld";
import {
  articleBreadcrumbJsonLd,
  listingBreadcrumbJsonLd,
  newsArticleJsonLd,
  serializeJsonLd,
  websiteJsonLd,
} from "@/lib/seo/json-ld";

const article = {
  slug: "seawall-repairs",
  headline: "Seawall repairs race winter storms",
  standfirst: "Crews work nights.",
  publishedAt: new Date("2026-01-02T09:00:00Z"),
  updatedAt: new Date("2026-01-03T10:00:00Z"),
  section: { slug: "city", name: "City" },
  authors: [
    { slug: "mara-quist", name: "Mara Quist" },
    { slug: "theo-lindqvist", name: "Theo Lindqvist" },
  ],
  hero: { path: "/images/demo/seawall.jpg", alt: "A seawall", caption: null, credit: null },
};

describe("newsArticleJsonLd", () => {
  const ld = newsArticleJsonLd(article, { commentCount: 3 });

  it("describes a NewsArticle with absolute URLs throughout", () => {
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: article.headline,
      datePublished: "2026-01-02T09:00:00.000Z",
      dateModified: "2026-01-03T10:00:00.000Z",
      articleSection: "City",
      commentCount: 3,
      mainEntityOfPage: { "@type": "WebPage", "@id": `${SITE}/articles/seawall-repairs` },
    });
    expect(ld.image).toEqual([`${SITE}/images/demo/seawall.jpg`]);
    expect(ld.author).toEqual([
      { "@type": "Person", name: "Mara Quist", url: `${SITE}/authors/mara-quist` },
      { "@type": "Person", name: "Theo Lindqvist", url: `${SITE}/authors/theo-lindqvist` },
    ]);
    expect(ld.publisher).toMatchObject({
      name: "The Test Courier & Gazette",
      logo: { "@type": "ImageObject", url: `${SITE}/logo.png` },
    });
  });

  it("counts no comments unless told, and uses publishedAt when never updated", () => {
    const plain = newsArticleJsonLd({ ...article, updatedAt: null, hero: null });
    expect(plain.commentCount).toBe(0);
    expect(plain.dateModified).toBe(plain.datePublished);
  });

  it("offers the generated Open Graph image when the story has no hero", () => {
    const plain = newsArticleJsonLd({ ...article, hero: null });
    expect(plain.image).toEqual([
      expect.stringMatching(new RegExp(`^${SITE}/articles/seawall-repairs/opengraph-image-[0-9a-z]{1,6}$`)),
    ]);
  });
});

describe("breadcrumbs", () => {
  it("runs Home › Section › Article with positions and absolute items", () => {
    expect(articleBreadcrumbJsonLd(article).itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: `${SITE}/` },
      { "@type": "ListItem", position: 2, name: "City", item: `${SITE}/sections/city` },
      { "@type": "ListItem", position: 3, name: article.headline, item: `${SITE}/articles/seawall-repairs` },
    ]);
    expect(listingBreadcrumbJsonLd("Harbour", "/tags/harbour").itemListElement).toHaveLength(2);
  });
});

describe("websiteJsonLd", () => {
  it("offers the site search", () => {
    expect(JSON.stringify(websiteJsonLd())).toContain(`${SITE}/search?q={search_term_string}`);
  });
});

describe("serialising JSON-LD into HTML", () => {
  const hostile = { ...article, headline: 'Breaking </script><script>alert("x")</script> & <!-- more' };

  it("cannot close its <script> element, and reads back unchanged", () => {
    const json = serializeJsonLd(newsArticleJsonLd(hostile));
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(json).headline).toBe(hostile.headline);
  });

  it("renders one script element whose body is the escaped JSON", () => {
    const html = renderToStaticMarkup(
      <JsonLd data={[newsArticleJsonLd(hostile), articleBreadcrumbJsonLd(hostile)]} />,
    );
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const body = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(html)?.[1];
    expect(body).toBeDefined();
    const parsed = JSON.parse(body!);
    expect(parsed[0].headline).toBe(hostile.headline);
    expect(parsed[1]["@type"]).toBe("BreadcrumbList");
  });

  it("escapes line and paragraph separators", () => {
    expect(serializeJsonLd({ a: "x\u2028y\u2029z" })).toBe('{"a":"x\\u2028y\\u2029z"}');
  });
});
