// The three story listings — /sections/<slug>, /tags/<slug>, /authors/<slug>, each with its older
// stories at …/page/<cursor> — are one route: find the section, tag or author (or 404), take a page of
// its stories by cursor (or 404), and show a header over the listing. Each page file is a few lines
// over `listingRoute(kind, older)`.
//
// No <Suspense> here: streamed content waits for script to show, so readers without JavaScript got
// "Loading stories…" on a listing's first visit; and a route with a postponed hole answered a client
// navigation after a revalidation with a cut-off payload (React error #412). The page blocks on its
// first visit instead (each page file says `instant = false`) and is cached whole.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { cacheTags } from "@/lib/cache-tags";
import { StaticImage } from "@/components/static-image";
import { StoryListing } from "@/components/story-listing";
import { JsonLd } from "@/components/json-ld";
import { listingBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { authorMetadata, sectionMetadata, tagMetadata } from "@/lib/seo/metadata";
import { paths } from "@/lib/paths";
import { isLocalImagePath } from "@/lib/stories/local-image";
import type { ListingScope } from "@/lib/stories/dal/listings";
import {
  findOr404,
  listingStaticParams,
  pagedListingStaticParams,
  storyPageOr404,
  type ListingParams,
} from "./story-page";
import { cachedAuthor, cachedSection, cachedTag } from "./cached";

type Kind = ListingScope["kind"];
type Props = { params: ListingParams };

/** What a listing needs of its section, tag or author. */
type Scope = {
  id: string;
  slug: string;
  name: string;
  metadata: (older: boolean) => Metadata;
  header: ReactNode;
  empty: string;
};

const HEADER = "border-b border-neutral-300 pb-4 dark:border-neutral-700";
const TITLE = "font-serif text-4xl font-bold";

async function loadScope(kind: Kind, params: ListingParams): Promise<Scope> {
  if (kind === "section") {
    const section = await findOr404(params, cachedSection);
    return {
      ...section,
      metadata: (older) => sectionMetadata(section, older),
      empty: "No stories in this section yet.",
      header: (
        <header className={HEADER}>
          <h1 className={TITLE}>{section.name}</h1>
          {section.description ? (
            <p className="mt-2 text-lg text-neutral-700 dark:text-neutral-300">{section.description}</p>
          ) : null}
        </header>
      ),
    };
  }
  if (kind === "tag") {
    const tag = await findOr404(params, cachedTag);
    return {
      ...tag,
      metadata: (older) => tagMetadata(tag, older),
      empty: "No stories with this tag yet.",
      header: (
        <header className={HEADER}>
          <p className="text-sm font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400">
            Topic
          </p>
          <h1 className={TITLE}>{tag.name}</h1>
        </header>
      ),
    };
  }
  const author = await findOr404(params, cachedAuthor);
  // Only files we serve ourselves go through the image optimizer; anything else would make it fetch remotely.
  const avatar = isLocalImagePath(author.avatarPath) ? author.avatarPath : null;
  return {
    ...author,
    metadata: (older) => authorMetadata(author, older),
    empty: "No published stories yet.",
    header: (
      <header className="flex items-center gap-5 border-b border-neutral-300 pb-6 dark:border-neutral-700">
        {avatar ? (
          <StaticImage
            src={avatar}
            alt={`Portrait of ${author.name}`}
            width={96}
            height={96}
            className="size-24 shrink-0 rounded-full object-cover"
          />
        ) : null}
        <div>
          <h1 className={TITLE}>{author.name}</h1>
          {author.bio ? (
            <p className="mt-2 max-w-2xl text-neutral-700 dark:text-neutral-300">{author.bio}</p>
          ) : null}
        </div>
      </header>
    ),
  };
}

const PATH: Record<Kind, (slug: string) => string> = {
  section: paths.section,
  tag: paths.tag,
  author: paths.author,
};

async function ListingStories({ kind, params }: { kind: Kind; params: ListingParams }) {
  const scope = await loadScope(kind, params);
  const page = await storyPageOr404(
    { kind, id: scope.id },
    (await params).cursor,
    cacheTags[kind](scope.slug),
  );
  const basePath = PATH[kind](scope.slug);
  return (
    <>
      <JsonLd data={listingBreadcrumbJsonLd(scope.name, basePath)} />
      {scope.header}
      <StoryListing page={page} basePath={basePath} empty={scope.empty} />
    </>
  );
}

/**
 * A listing's first page (`older` false: built ahead for every prerendered section, tag or author) or
 * its older stories at /page/<cursor> (`older` true: those published before the story the cursor names).
 */
export function listingRoute(kind: Kind, older: boolean) {
  return {
    generateStaticParams: () => (older ? pagedListingStaticParams(kind) : listingStaticParams(kind)),
    generateMetadata: async ({ params }: Props): Promise<Metadata> =>
      (await loadScope(kind, params)).metadata(older),
    Page: function ListingPage({ params }: Props) {
      return <ListingStories kind={kind} params={params} />;
    },
  };
}
