import { Suspense } from "react";
import { cacheTags } from "@/lib/cache-tags";
import { StoryListing } from "@/components/story-listing";
import { JsonLd } from "@/components/json-ld";
import { listingBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { paths } from "@/lib/seo/site";
import { findOr404, storyPageOr404, type ListingParams } from "../../../_lib/story-page";
import { cachedSection } from "../../../_lib/cached";

export const loadSection = (params: ListingParams) => findOr404(params, cachedSection);

// The params are read inside the boundary: a section not built ahead still gets the shell at once,
// and is cached whole after its first visit.
export function SectionStories({ params }: { params: ListingParams }) {
  return (
    <Suspense fallback={<p className="text-neutral-600 dark:text-neutral-400">Loading stories…</p>}>
      <SectionListing params={params} />
    </Suspense>
  );
}

async function SectionListing({ params }: { params: ListingParams }) {
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
