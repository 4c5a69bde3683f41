import { cacheTags } from "@/lib/cache-tags";
import { StoryListing } from "@/components/story-listing";
import { JsonLd } from "@/components/json-ld";
import { listingBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { paths } from "@/lib/paths";
import { findOr404, storyPageOr404, type ListingParams } from "../../../_lib/story-page";
import { cachedTag } from "../../../_lib/cached";

export const loadTag = (params: ListingParams) => findOr404(params, cachedTag);

// No <Suspense> here: streamed content waits for script to show, so readers without JavaScript got
// "Loading stories…" on a listing's first visit; and a route with a postponed hole answered a client
// navigation after a revalidation with a cut-off payload (React error #412). The page blocks on its
// first visit instead (`instant = false`) and is cached whole.
export async function TagStories({ params }: { params: ListingParams }) {
  const tag = await loadTag(params);
  const page = await storyPageOr404(
    { kind: "tag", id: tag.id },
    (await params).cursor,
    cacheTags.tag(tag.slug),
  );
  return (
    <>
      <JsonLd data={listingBreadcrumbJsonLd(tag.name, paths.tag(tag.slug))} />
      <header className="border-b border-neutral-300 pb-4 dark:border-neutral-700">
        <p className="text-sm font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400">
          Topic
        </p>
        <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
      </header>
      <StoryListing page={page} basePath={paths.tag(tag.slug)} empty="No stories with this tag yet." />
    </>
  );
}
