import { cacheTags } from "@/lib/cache-tags";
import { StaticImage } from "@/components/static-image";
import { StoryListing } from "@/components/story-listing";
import { JsonLd } from "@/components/json-ld";
import { listingBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { paths } from "@/lib/paths";
import { isLocalImagePath } from "@/lib/stories/local-image";
import { findOr404, storyPageOr404, type ListingParams } from "../../../_lib/story-page";
import { cachedAuthor } from "../../../_lib/cached";

export const loadAuthor = (params: ListingParams) => findOr404(params, cachedAuthor);

// No <Suspense> here: streamed content waits for script to show, so readers without JavaScript got
// "Loading stories…" on a listing's first visit; and a route with a postponed hole answered a client
// navigation after a revalidation with a cut-off payload (React error #412). The page blocks on its
// first visit instead (`instant = false`) and is cached whole.
export async function AuthorStories({ params }: { params: ListingParams }) {
  const author = await loadAuthor(params);
  const page = await storyPageOr404(
    { kind: "author", id: author.id },
    (await params).cursor,
    cacheTags.author(author.slug),
  );
  // Only files we serve ourselves go through the image optimizer; anything else would make it fetch remotely.
  const avatar = isLocalImagePath(author.avatarPath) ? author.avatarPath : null;
  return (
    <>
      <JsonLd data={listingBreadcrumbJsonLd(author.name, paths.author(author.slug))} />
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
          <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
          {author.bio ? (
            <p className="mt-2 max-w-2xl text-neutral-700 dark:text-neutral-300">{author.bio}</p>
          ) : null}
        </div>
      </header>
      <StoryListing page={page} basePath={paths.author(author.slug)} empty="No published stories yet." />
    </>
  );
}
