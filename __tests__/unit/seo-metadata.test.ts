import { SITE } from "./seo-env";
import {
  aboutMetadata,
  articleMetadata,
  authorMetadata,
  homeMetadata,
  isPagedListing,
  listingMetadata,
  searchMetadata,
  sectionMetadata,
  tagMetadata,
} from "@/lib/seo/metadata";

const article = {
  slug: "seawall-repairs",
  headline: "Seawall repairs race winter storms",
  standfirst: "Crews   work\nnights.",
  publishedAt: new Date("2026-01-02T09:00:00Z"),
  updatedAt: new Date("2026-01-03T10:00:00Z"),
  section: { slug: "city", name: "City" },
  tags: [
    { slug: "harbour", name: "Harbour" },
    { slug: "weather", name: "Weather" },
  ],
  authors: [{ slug: "mara-quist", name: "Mara Quist" }],
};

describe("articleMetadata", () => {
  const meta = articleMetadata(article);

  it("sets title, a tidy description and the absolute canonical URL", () => {
    expect(meta.title).toBe(article.headline);
    expect(meta.description).toBe("Crews work nights.");
    expect(meta.alternates?.canonical).toBe(`${SITE}/articles/seawall-repairs`);
  });

  it("describes an Open Graph article and a large Twitter card", () => {
    expect(meta.openGraph).toMatchObject({
      type: "article",
      url: `${SITE}/articles/seawall-repairs`,
      publishedTime: "2026-01-02T09:00:00.000Z",
      modifiedTime: "2026-01-03T10:00:00.000Z",
      section: "City",
      tags: ["Harbour", "Weather"],
      authors: [`${SITE}/authors/mara-quist`],
      siteName: "The Test Courier & Gazette",
    });
    expect(meta.twitter).toMatchObject({ card: "summary_large_image", title: article.headline });
  });

  it("advertises the site feed", () => {
    expect(meta.alternates?.types?.["application/rss+xml"]).toEqual([
      { url: `${SITE}/feed.xml`, title: "The Test Courier & Gazette" },
    ]);
  });
});

describe("listing metadata", () => {
  it("makes each listing a website with its own canonical URL", () => {
    const meta = listingMetadata({ title: "City", description: "d", path: "/sections/city" });
    expect(meta.alternates?.canonical).toBe(`${SITE}/sections/city`);
    expect(meta.openGraph).toMatchObject({ type: "website", url: `${SITE}/sections/city` });
    expect(meta.twitter).toMatchObject({ card: "summary_large_image" });
    expect(meta.robots).toBeUndefined();
  });

  it("keeps older pages of a listing out of the index but follows their links", () => {
    expect(isPagedListing({})).toBe(false);
    expect(isPagedListing({ page: "1" })).toBe(false);
    expect(isPagedListing({ before: "abc" })).toBe(true);
    expect(isPagedListing({ after: "abc" })).toBe(true);
    const meta = tagMetadata({ slug: "harbour", name: "Harbour" }, isPagedListing({ before: "abc" }));
    expect(meta.robots).toEqual({ index: false, follow: true });
    expect(meta.alternates?.canonical).toBeUndefined();
    expect(tagMetadata({ slug: "harbour", name: "Harbour" }).alternates?.canonical).toBe(
      `${SITE}/tags/harbour`,
    );
  });

  it("points section pages at their own feed as well as the site's", () => {
    const feeds = sectionMetadata({ slug: "city", name: "City", description: null }).alternates?.types;
    expect(feeds?.["application/rss+xml"]).toEqual([
      { url: `${SITE}/feed.xml`, title: "The Test Courier & Gazette" },
      { url: `${SITE}/sections/city/feed.xml`, title: "City | The Test Courier & Gazette" },
    ]);
  });

  it("covers home, author, about and search", () => {
    expect(homeMetadata().title).toEqual({ absolute: "The Test Courier & Gazette" });
    expect(homeMetadata().alternates?.canonical).toBe(`${SITE}/`);
    expect(
      authorMetadata({ slug: "mara-quist", name: "Mara Quist", bio: "Covers the port." }).description,
    ).toBe("Covers the port.");
    expect(aboutMetadata().alternates?.canonical).toBe(`${SITE}/about`);
    const search = searchMetadata("ferry fares");
    expect(search.robots).toEqual({ index: false, follow: true });
    expect(search.alternates?.canonical).toBe(`${SITE}/search`);
    expect(search.title).toBe("Search: ferry fares");
  });
});
