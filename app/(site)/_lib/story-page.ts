import { notFound } from "next/navigation";
import type { ListingScope, StoryPage } from "@/lib/stories/dal/listings";
import { cachedPrerenderedListings, cachedStoryPage } from "./cached";

/** A section, tag or author page's params: its first page has no cursor, /page/<cursor> the rest. */
export type ListingParams = Promise<{ slug: string; cursor?: string }>;

/** The section, tag or author a listing URL names; an unknown slug is a 404. */
export async function findOr404<T>(
  params: Promise<{ slug: string }>,
  find: (slug: string) => Promise<T | null>,
): Promise<T> {
  const found = await find(decodeURIComponent((await params).slug));
  if (!found) notFound();
  return found;
}

/**
 * The page of stories a listing URL asks for; a cursor we did not issue is a 404, never a 500.
 * (proxy.ts answers those before the page renders; this is the backstop.)
 */
export async function storyPageOr404(
  scope: ListingScope,
  cursor: string | undefined,
  cacheTag: string,
): Promise<StoryPage> {
  const page = await cachedStoryPage(scope, cursor, cacheTag);
  if (!page) notFound();
  return page;
}

// No section, tag or author is ever called this; an empty database still needs one path to
// prerender (it 404s). Cache Components refuses an empty generateStaticParams.
const NONE = "none-yet";

/** generateStaticParams of a listing's first page. */
export async function listingStaticParams(kind: ListingScope["kind"]): Promise<{ slug: string }[]> {
  const listings = await cachedPrerenderedListings(kind);
  return listings.length > 0 ? listings.map(({ slug }) => ({ slug })) : [{ slug: NONE }];
}

/** generateStaticParams of /page/<cursor>: each prerendered listing's second page. */
export async function pagedListingStaticParams(
  kind: ListingScope["kind"],
): Promise<{ slug: string; cursor: string }[]> {
  const pages = (await cachedPrerenderedListings(kind)).flatMap(({ slug, secondPage }) =>
    secondPage ? [{ slug, cursor: secondPage }] : [],
  );
  return pages.length > 0 ? pages : [{ slug: NONE, cursor: NONE }];
}
