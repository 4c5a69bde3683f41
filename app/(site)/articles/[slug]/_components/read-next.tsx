import type { ArticleNeighbours } from "@/lib/stories/dal/related";
import { StoryCard } from "@/components/story-card";
import { paths } from "@/lib/paths";

/** Previous / next in the section, then related stories. */
export function ReadNext({
  neighbours,
  sectionName,
}: {
  neighbours: ArticleNeighbours;
  sectionName: string;
}) {
  const { previous, next, related } = neighbours;
  return (
    <>
      {previous || next ? (
        <nav
          aria-label={`More in ${sectionName}`}
          className="mt-10 grid gap-4 border-t border-neutral-300 pt-6 sm:grid-cols-2 print:hidden dark:border-neutral-700"
        >
          {previous ? (
            <SiblingLink story={previous} rel="prev" label={`Previous in ${sectionName}`} />
          ) : (
            <span />
          )}
          {next ? <SiblingLink story={next} rel="next" label={`Next in ${sectionName}`} /> : null}
        </nav>
      ) : null}
      {related.length > 0 ? (
        <section
          aria-labelledby="related-heading"
          className="mt-10 border-t border-neutral-300 pt-6 print:hidden dark:border-neutral-700"
        >
          <h2 id="related-heading" className="mb-6 text-sm font-bold uppercase tracking-wider">
            Related stories
          </h2>
          <ul className="grid gap-8 sm:grid-cols-2">
            {related.map((story) => (
              <li key={story.id}>
                <StoryCard story={story} level={3} showImage={false} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function SiblingLink({
  story,
  rel,
  label,
}: {
  story: { slug: string; headline: string };
  rel: "prev" | "next";
  label: string;
}) {
  return (
    <a
      href={paths.article(story.slug)}
      rel={rel}
      className={rel === "next" ? "group block sm:text-right" : "group block"}
    >
      <span className="block text-xs font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400">
        {label}
      </span>
      <span className="font-serif text-lg font-bold group-hover:underline">{story.headline}</span>
    </a>
  );
}
