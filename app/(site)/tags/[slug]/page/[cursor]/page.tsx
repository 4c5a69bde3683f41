import type { Metadata } from "next";
import { tagMetadata } from "@/lib/seo/metadata";
import { pagedListingStaticParams, type ListingParams } from "../../../../_lib/story-page";
import { loadTag, TagStories } from "../../_components/tag-listing";

type Props = { params: ListingParams };

// The listing reads its params outside any <Suspense> (see _components): block, then cache whole.
export const instant = false;

/** A tag's older stories: those published before the story the cursor names. */
export const generateStaticParams = () => pagedListingStaticParams("tag");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata(await loadTag(params), true);
}

export default function OlderTagStoriesPage({ params }: Props) {
  return <TagStories params={params} />;
}
