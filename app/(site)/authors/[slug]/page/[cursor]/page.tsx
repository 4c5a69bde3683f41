import type { Metadata } from "next";
import { authorMetadata } from "@/lib/seo/metadata";
import { pagedListingStaticParams, type ListingParams } from "../../../../_lib/story-page";
import { AuthorStories, loadAuthor } from "../../_components/author-listing";

type Props = { params: ListingParams };

// The listing reads its params outside any <Suspense> (see _components): block, then cache whole.
export const instant = false;

/** An author's older stories: those published before the story the cursor names. */
export const generateStaticParams = () => pagedListingStaticParams("author");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata(await loadAuthor(params), true);
}

export default function OlderAuthorStoriesPage({ params }: Props) {
  return <AuthorStories params={params} />;
}
