import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { searchArticles, type SearchResult } from "@/lib/stories/dal/search";
import { searchMetadata } from "@/lib/seo/metadata";
import { SearchHitItem } from "./_components/search-hit";
import { SearchSummary as Summary } from "./_components/search-summary";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The same title for every search: metadata read from searchParams is decided per request, and Next
// then streams its <title>, <meta> and <link> into <body> (invalid HTML); this way they are in the
// prerendered <head>.
export const metadata: Metadata = searchMetadata();

const pageHref = (text: string, page: number) => paths.search(text, page);

// The shell's box (the Suspense fallback) and the results' box are both in the HTML until the results
// stream in and replace it, so each has its own id.
function SearchBox({ value, id = "search-query" }: { value: string; id?: string }) {
  return (
    <form action="/search" method="get" role="search" aria-label="Search stories" className="mt-4">
      <label htmlFor={id} className="block text-sm font-semibold">
        Words to find in headlines and stories
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={value}
          maxLength={200}
          className="w-full max-w-md rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900 dark:border-neutral-500 dark:bg-neutral-900 dark:text-neutral-100"
        />
        <button
          type="submit"
          className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900"
        >
          Search
        </button>
      </div>
    </form>
  );
}

const pagerLink =
  "inline-block rounded border border-neutral-400 px-4 py-2 font-semibold hover:bg-neutral-100 dark:border-neutral-600 dark:hover:bg-neutral-800";

function Pager({ result }: { result: SearchResult }) {
  const { query, page, pageCount } = result;
  if (pageCount <= 1 || page > pageCount) return null;
  return (
    <nav aria-label="Result pages" className="mt-10 flex justify-between gap-4">
      {page > 1 ? (
        <a href={pageHref(query.text, page - 1)} rel="prev" className={pagerLink}>
          <span aria-hidden="true">← </span>Previous page
        </a>
      ) : (
        <span />
      )}
      {page < pageCount ? (
        <a href={pageHref(query.text, page + 1)} rel="next" className={pagerLink}>
          Next page<span aria-hidden="true"> →</span>
        </a>
      ) : null}
    </nav>
  );
}

export default function SearchPage({ searchParams }: Props) {
  return (
    <div className="max-w-3xl">
      <h1 className="font-serif text-3xl font-bold">Search</h1>
      <Suspense fallback={<SearchBox value="" id="search-query-shell" />}>
        <Results searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

// Searches run per request (the query is the reader's), so they stream in under the shell. The
// per-address limit is applied by proxy.ts, which answers an over-limit search 429 before this renders.
async function Results({ searchParams }: Props) {
  const params = await searchParams;
  await connection();
  const result = await searchArticles(params.q, params.page);
  return (
    <>
      <SearchBox value={result.query.text} />
      <Summary result={result} />
      {result.hits.length > 0 ? (
        <ol className="mt-6 divide-y divide-neutral-300 border-t border-neutral-300 dark:divide-neutral-700 dark:border-neutral-700">
          {result.hits.map((hit) => (
            <li key={hit.slug} className="py-6">
              <SearchHitItem hit={hit} />
            </li>
          ))}
        </ol>
      ) : null}
      <Pager result={result} />
    </>
  );
}
