import { notFound } from "next/navigation";
import { pageRequestFrom } from "@/lib/dal/cursor";
import { listStoryPage, type ListingScope, type StoryPage } from "@/lib/dal/listings";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The page of stories a listing URL asks for; a cursor we did not issue is a 404, never a 500. */
export async function storyPageOr404(scope: ListingScope, searchParams: SearchParams): Promise<StoryPage> {
  const request = pageRequestFrom(await searchParams);
  if (request === "invalid") notFound();
  const page = await listStoryPage(scope, request);
  if (!page) notFound();
  return page;
}
