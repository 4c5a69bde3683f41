import type { Metadata } from "next";
import { sectionMetadata } from "@/lib/seo/metadata";
import { listingStaticParams, type ListingParams } from "../../_lib/story-page";
import { loadSection, SectionStories } from "./_components/section-listing";

type Props = { params: ListingParams };

// The listing reads its params outside any <Suspense> (see _components): block, then cache whole.
export const instant = false;

/** Every section is built ahead; older pages live at /sections/<slug>/page/<cursor>. */
export const generateStaticParams = () => listingStaticParams("section");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata(await loadSection(params));
}

export default function SectionPage({ params }: Props) {
  return <SectionStories params={params} />;
}
