// Next `Metadata` for every kind of page: title, description, canonical URL, Open Graph and the
// Twitter card. Article images come from app/(site)/articles/[slug]/opengraph-image.tsx, which Next
// adds to og:image (and twitter:image) by itself, so nothing here names an image for articles.
import type { Metadata } from "next";
import type { ArticleDetail } from "@/lib/stories/dal/articles";
import { absoluteUrl, site } from "./site";
import { paths } from "@/lib/paths";

export type ListingInput = {
  title: string;
  description: string;
  /** Site path of the listing, e.g. "/sections/city". */
  path: string;
  /**
   * An older page of a cursor-paginated listing (?before=/?after=). Its contents shift with every
   * new story, so it is followed for links but not indexed, and claims no canonical URL.
   */
  paged?: boolean;
  /** RSS feeds to advertise on the page (autodiscovery), as site paths. */
  feeds?: { path: string; title: string }[];
  /** Listings that should not be indexed at all (search results). */
  noindex?: boolean;
};

type SearchParams = Record<string, string | string[] | undefined>;

/** True when a listing URL asks for anything but its first page. */
export function isPagedListing(searchParams: SearchParams): boolean {
  return ["before", "after", "page"].some(
    (key) => searchParams[key] !== undefined && searchParams[key] !== "1",
  );
}

const description = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 300);

function feedTypes(feeds: ListingInput["feeds"]) {
  const all = [{ path: paths.feed, title: site.name }, ...(feeds ?? [])];
  return { "application/rss+xml": all.map((f) => ({ url: absoluteUrl(f.path), title: f.title })) };
}

export function listingMetadata(input: ListingInput): Metadata {
  const url = absoluteUrl(input.path);
  const title = input.title;
  const text = description(input.description);
  const types = feedTypes(input.feeds);
  return {
    title,
    description: text,
    alternates: input.paged ? { types } : { canonical: url, types },
    openGraph: { type: "website", url, title, description: text, siteName: site.name },
    twitter: { card: "summary_large_image", title, description: text },
    ...(input.noindex || input.paged ? { robots: { index: false, follow: true } } : {}),
  };
}

export function homeMetadata(): Metadata {
  const base = listingMetadata({ title: site.name, description: site.description, path: paths.home });
  // The layout's title template would print the site name twice.
  return { ...base, title: { absolute: site.name } };
}

export function sectionMetadata(
  section: { slug: string; name: string; description?: string | null },
  paged = false,
): Metadata {
  return listingMetadata({
    title: section.name,
    description: section.description || `The latest ${section.name} stories from ${site.name}.`,
    path: paths.section(section.slug),
    paged,
    feeds: [{ path: paths.sectionFeed(section.slug), title: `${section.name} | ${site.name}` }],
  });
}

export function tagMetadata(tag: { slug: string; name: string }, paged = false): Metadata {
  return listingMetadata({
    title: tag.name,
    description: `Stories tagged “${tag.name}” from ${site.name}.`,
    path: paths.tag(tag.slug),
    paged,
  });
}

export function authorMetadata(
  author: { slug: string; name: string; bio?: string | null },
  paged = false,
): Metadata {
  return listingMetadata({
    title: author.name,
    description: author.bio || `Stories by ${author.name} for ${site.name}.`,
    path: paths.author(author.slug),
    paged,
  });
}

/** Result pages are thin and endless: followed, never indexed, one canonical for all queries. */
export function searchMetadata(query?: string): Metadata {
  const base = listingMetadata({
    title: "Search",
    description: `Search the stories of ${site.name}.`,
    path: paths.search(),
    noindex: true,
  });
  return query ? { ...base, title: `Search: ${query.slice(0, 80)}` } : base;
}

export function aboutMetadata(): Metadata {
  return listingMetadata({
    title: "About us",
    description: `Who we are, how we work and how to reach ${site.name}.`,
    path: paths.about,
  });
}

type ArticleForMetadata = Pick<
  ArticleDetail,
  "slug" | "headline" | "standfirst" | "publishedAt" | "updatedAt" | "section" | "tags" | "authors"
>;

export function articleMetadata(article: ArticleForMetadata): Metadata {
  const url = absoluteUrl(paths.article(article.slug));
  const text = description(article.standfirst);
  const modified =
    article.updatedAt && article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
  return {
    title: article.headline,
    description: text,
    authors: article.authors.map((a) => ({ name: a.name, url: absoluteUrl(paths.author(a.slug)) })),
    alternates: { canonical: url, types: feedTypes([]) },
    openGraph: {
      type: "article",
      url,
      title: article.headline,
      description: text,
      siteName: site.name,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: modified.toISOString(),
      section: article.section.name,
      tags: article.tags.map((t) => t.name),
      authors: article.authors.map((a) => absoluteUrl(paths.author(a.slug))),
    },
    twitter: { card: "summary_large_image", title: article.headline, description: text },
  };
}
