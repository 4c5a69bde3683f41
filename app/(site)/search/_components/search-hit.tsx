import Link from "next/link";
import type { SearchHit } from "@/lib/dal/search";
import { Byline } from "@/components/byline";
import { formatDate } from "@/components/format";

/** The excerpt as text nodes: article text is never parsed as HTML. */
function Snippet({ parts }: { parts: SearchHit["snippet"] }) {
  if (parts.length === 0) return null;
  return (
    <p className="mt-2 text-neutral-800 dark:text-neutral-200">
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-neutral-950">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function SearchHitItem({ hit }: { hit: SearchHit }) {
  return (
    <article>
      <p className="text-xs font-semibold uppercase tracking-wide">
        <Link
          href={`/sections/${hit.section.slug}`}
          className="text-accent hover:underline dark:text-red-300"
        >
          {hit.section.name}
        </Link>
      </p>
      <h2 className="mt-1 font-serif text-xl font-bold leading-tight">
        <Link href={`/articles/${hit.slug}`} className="hover:underline">
          {hit.headline}
        </Link>
      </h2>
      <p className="mt-1 text-neutral-700 dark:text-neutral-300">{hit.standfirst}</p>
      <Snippet parts={hit.snippet} />
      <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
        <Byline authors={hit.authors} />
        {hit.authors.length > 0 ? " · " : null}
        <time dateTime={hit.publishedAt.toISOString()}>{formatDate(hit.publishedAt)}</time>
      </p>
    </article>
  );
}
