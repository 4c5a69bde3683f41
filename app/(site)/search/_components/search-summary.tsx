import type { SearchResult } from "@/lib/stories/dal/search";
import { paths } from "@/lib/paths";

const quoted = (text: string) => `“${text}”`;
const count = (n: number) => n.toLocaleString("en-GB");
const shorten = (text: string, max: number) =>
  Array.from(text).length > max ? `${Array.from(text).slice(0, max).join("")}…` : text;

/** What was searched for and how many stories matched, or why nothing was searched. */
export function SearchSummary({ result }: { result: SearchResult }) {
  const { query, total, capped, page, pageCount } = result;
  if (!query.text) return <p className="mt-6 text-lg">Type a word to search.</p>;
  const searched = quoted(shorten(query.text, 80));
  if (query.terms.length === 0) {
    return (
      <p className="mt-6 text-lg">
        There are no words to search for in {searched}
        {query.shortened ? " (it was too long, and words over 60 letters are left out)" : ""}. Try a name, a
        place or a topic
        {query.ignored.length > 0 ? "; very common words such as “the” are left out" : ""}.
      </p>
    );
  }
  const adjusted = query.shortened || query.ignored.length > 0;
  return (
    <div className="mt-6 space-y-2">
      {adjusted ? (
        <p className="text-neutral-700 dark:text-neutral-300">
          {query.shortened ? "Your search was long, so only part of it was used. " : null}
          Searched for stories containing all of: <strong>{query.terms.join(" ")}</strong>
          {query.ignored.length > 0 ? ` (common words such as ${quoted(query.ignored[0])} are left out)` : ""}
          .
        </p>
      ) : null}
      {total === 0 ? (
        <p className="text-lg">
          No results for {searched}. Check the spelling, or try fewer or different words.
        </p>
      ) : (
        <>
          <p className="text-lg">
            {capped ? `More than ${count(total)}` : total} {total === 1 ? "result" : "results"} for {searched}
            {pageCount > 1 && page <= pageCount ? ` (page ${page} of ${pageCount})` : ""}
          </p>
          {capped ? (
            <p className="text-neutral-700 dark:text-neutral-300">
              The newest {count(total)} stories that match are ranked here. To find an older story, add a
              word.
            </p>
          ) : null}
        </>
      )}
      {total > 0 && page > pageCount ? (
        <p>
          There {pageCount === 1 ? "is only one page" : `are only ${pageCount} pages`} of results.{" "}
          <a href={paths.search(query.text, 1)} className="underline">
            Go to the first page
          </a>
        </p>
      ) : null}
    </div>
  );
}
