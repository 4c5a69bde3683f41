import type { Metadata } from "next";
import { sectionMetadata } from "@/lib/seo/metadata";
import { pagedListingStaticParams, type ListingParams } from "../../../../_lib/story-page";
import { loadSection, SectionStories } from "../../_components/section-listing";

type Props = { params: ListingParams };

// The listing reads its params outside any <Suspense> (see _components): block, then cache whole.
export const instant = false;

/** A section's older stories: those published before the story the cursor names. */
export const generateStaticParams = () => pagedListingStaticParams("section");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata(await loadSection(params), true);
}

export default function OlderSectionStoriesPage({ params }: Props) {
  return <SectionStories params={params} />;
}
