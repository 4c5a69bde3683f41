import type { Metadata } from "next";
import { authorMetadata } from "@/lib/seo/metadata";
import { listingStaticParams, type ListingParams } from "../../_lib/story-page";
import { AuthorStories, loadAuthor } from "./_components/author-listing";

type Props = { params: ListingParams };

// The listing reads its params outside any <Suspense> (see _components): block, then cache whole.
export const instant = false;

/** The newest stories' authors are built ahead; older pages live at /authors/<slug>/page/<cursor>. */
export const generateStaticParams = () => listingStaticParams("author");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata(await loadAuthor(params));
}

export default function AuthorPage({ params }: Props) {
  return <AuthorStories params={params} />;
}
