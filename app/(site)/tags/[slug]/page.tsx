import type { Metadata } from "next";
import { Suspense } from "react";
import { cacheTags } from "@/lib/cache-tags";
import { StoryListing } from "@/components/story-listing";
import { JsonLd } from "@/components/json-ld";
import { isPagedListing, tagMetadata } from "@/lib/seo/metadata";
import { listingBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { paths } from "@/lib/seo/site";
import { findOr404, storyPageOr404, type SearchParams } from "../../_lib/story-page";
import { cachedTag } from "../../_lib/cached";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

const load = (params: Props["params"]) => findOr404(params, cachedTag);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return tagMetadata(await load(params), isPagedListing(await searchParams));
}

// Both the slug and the page cursor are request data: the shell (header, footer) is sent at once.
export default function TagPage(props: Props) {
  return (
    <Suspense fallback={<p className="text-neutral-600 dark:text-neutral-400">Loading stories…</p>}>
      <TagListing {...props} />
    </Suspense>
  );
}

async function TagListing({ params, searchParams }: Props) {
  const tag = await load(params);
  const page = await storyPageOr404({ kind: "tag", id: tag.id }, searchParams, cacheTags.tag(tag.slug));
  return (
    <>
      <JsonLd data={listingBreadcrumbJsonLd(tag.name, paths.tag(tag.slug))} />
      <header className="border-b border-neutral-300 pb-4 dark:border-neutral-700">
        <p className="text-sm font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400">
          Topic
        </p>
        <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
      </header>
      <StoryListing page={page} basePath={`/tags/${tag.slug}`} empty="No stories with this tag yet." />
    </>
  );
}
