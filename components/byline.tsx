import type { Byline as BylineEntry } from "@/lib/stories/dal/articles";
import { paths } from "@/lib/paths";

/** "By A", "By A and B", "By A, B and C", each name linking to the author's page. */
export function Byline({ authors }: { authors: BylineEntry[] }) {
  if (authors.length === 0) return null;
  return (
    <span>
      By{" "}
      {authors.map((a, i) => (
        <span key={a.slug}>
          {i > 0 ? (i === authors.length - 1 ? " and " : ", ") : null}
          <a href={paths.author(a.slug)} className="font-semibold hover:underline">
            {a.name}
          </a>
        </span>
      ))}
    </span>
  );
}
