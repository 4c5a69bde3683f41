import { cacheTags } from "@/lib/cache-tags";
import { StoryListing } from "@/components/story-listing";
import { JsonLd } from "@/components/json-ld";
import { listingBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { paths } from "@/lib/paths";
import { findOr404, storyPageOr404, type ListingParams } from "../../../_lib/story-page";
import { cachedSection } from "../../../_lib/cached";

export const loadSection = (params: ListingParams) => findOr404(params, cachedSection);

// No <Suspense> here: streamed content waits for script to show, so readers without JavaScript got
// "Loading stories…" on a listing's first visit; and a route with a postponed hole answered a client
// navigation after a revalidation with a cut-off payload (React error #412). The page blocks on its
// first visit instead (`instant = false`) and is cached whole.
export async function SectionStories({ params }: { params: ListingParams }) {
  const section = await loadSection(params);
  const page = await storyPageOr404(
    { kind: "section", id: section.id },
    (await params).cursor,
    cacheTags.section(section.slug),
  );
  return (
    <>
      <JsonLd data={listingBreadcrumbJsonLd(section.name, paths.section(section.slug))} />
      <header className="border-b border-neutral-300 pb-4 dark:border-neutral-700">
        <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
        {section.description ? (
          <p className="mt-2 text-lg text-neutral-700 dark:text-neutral-300">{section.description}</p>
        ) : null}
      </header>
      <StoryListing
        page={page}
        basePath={paths.section(section.slug)}
        empty="No stories in this section yet."
      />
    </>
  );
}
