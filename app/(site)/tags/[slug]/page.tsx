import type { Metadata } from "next";
import { tagMetadata } from "@/lib/seo/metadata";
import { listingStaticParams, type ListingParams } from "../../_lib/story-page";
import { loadTag, TagStories } from "./_components/tag-listing";

type Props = { params: ListingParams };

// The listing reads its params outside any <Suspense> (see _components): block, then cache whole.
export const instant = false;

/** The newest stories' tags are built ahead; older pages live at /tags/<slug>/page/<cursor>. */
export const generateStaticParams = () => listingStaticParams("tag");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata(await loadTag(params));
}

export default function TagPage({ params }: Props) {
  return <TagStories params={params} />;
}
