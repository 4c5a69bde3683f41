import type { Byline as BylineEntry } from "@/lib/dal/articles";

/** "By A", "By A and B", "By A, B and C". Author pages arrive with the reading issue. */
export function Byline({ authors }: { authors: BylineEntry[] }) {
  if (authors.length === 0) return null;
  return (
    <span>
      By{" "}
      {authors.map((a, i) => (
        <span key={a.slug}>
          {i > 0 ? (i === authors.length - 1 ? " and " : ", ") : null}
          <span className="font-semibold">{a.name}</span>
        </span>
      ))}
    </span>
  );
}
