import type { Metadata } from "next";
import { Suspense } from "react";
import { cacheTags } from "@/lib/cache-tags";
import { StoryListing } from "@/components/story-listing";
import { JsonLd } from "@/components/json-ld";
import { isPagedListing, sectionMetadata } from "@/lib/seo/metadata";
import { listingBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { paths } from "@/lib/seo/site";
import { findOr404, storyPageOr404, type SearchParams } from "../../_lib/story-page";
import { cachedSection } from "../../_lib/cached";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

const load = (params: Props["params"]) => findOr404(params, cachedSection);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return sectionMetadata(await load(params), isPagedListing(await searchParams));
}

// Both the slug and the page cursor are request data: the shell (header, footer) is sent at once.
export default function SectionPage(props: Props) {
  return (
    <Suspense fallback={<p className="text-neutral-600 dark:text-neutral-400">Loading stories…</p>}>
      <SectionListing {...props} />
    </Suspense>
  );
}

async function SectionListing({ params, searchParams }: Props) {
  const section = await load(params);
  const page = await storyPageOr404(
    { kind: "section", id: section.id },
    searchParams,
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
        basePath={`/sections/${section.slug}`}
        empty="No stories in this section yet."
      />
    </>
  );
}
