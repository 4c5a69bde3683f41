import type { Metadata } from "next";
import Image from "next/image";
import { Suspense } from "react";
import { cacheTags } from "@/lib/cache-tags";
import { StoryListing } from "@/components/story-listing";
import { JsonLd } from "@/components/json-ld";
import { isPagedListing, authorMetadata } from "@/lib/seo/metadata";
import { listingBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { paths } from "@/lib/seo/site";
import { isLocalImagePath } from "@/lib/local-image";
import { findOr404, storyPageOr404, type SearchParams } from "../../_lib/story-page";
import { cachedAuthor } from "../../_lib/cached";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

const load = (params: Props["params"]) => findOr404(params, cachedAuthor);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return authorMetadata(await load(params), isPagedListing(await searchParams));
}

// Both the slug and the page cursor are request data: the shell (header, footer) is sent at once.
export default function AuthorPage(props: Props) {
  return (
    <Suspense fallback={<p className="text-neutral-600 dark:text-neutral-400">Loading stories…</p>}>
      <AuthorListing {...props} />
    </Suspense>
  );
}

async function AuthorListing({ params, searchParams }: Props) {
  const author = await load(params);
  const page = await storyPageOr404(
    { kind: "author", id: author.id },
    searchParams,
    cacheTags.author(author.slug),
  );
  // Only files we serve ourselves go through next/image; anything else would make it fetch remotely.
  const avatar = isLocalImagePath(author.avatarPath) ? author.avatarPath : null;
  return (
    <>
      <JsonLd data={listingBreadcrumbJsonLd(author.name, paths.author(author.slug))} />
      <header className="flex items-center gap-5 border-b border-neutral-300 pb-6 dark:border-neutral-700">
        {avatar ? (
          <Image
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
      <StoryListing page={page} basePath={`/authors/${author.slug}`} empty="No published stories yet." />
    </>
  );
}
