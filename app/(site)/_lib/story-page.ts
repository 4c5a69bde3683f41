import { notFound } from "next/navigation";
import { pageRequestFrom } from "@/lib/dal/cursor";
import type { ListingScope, StoryPage } from "@/lib/dal/listings";
import { cachedStoryPage } from "./cached";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The section, tag or author a listing URL names; an unknown slug is a 404. */
export async function findOr404<T>(
  params: Promise<{ slug: string }>,
  find: (slug: string) => Promise<T | null>,
): Promise<T> {
  const found = await find(decodeURIComponent((await params).slug));
  if (!found) notFound();
  return found;
}

/** The page of stories a listing URL asks for; a cursor we did not issue is a 404, never a 500. */
export async function storyPageOr404(
  scope: ListingScope,
  searchParams: SearchParams,
  cacheTag: string,
): Promise<StoryPage> {
  const request = pageRequestFrom(await searchParams);
  if (request === "invalid") notFound();
  const page = await cachedStoryPage(scope, request, cacheTag);
  if (!page) notFound();
  return page;
}
