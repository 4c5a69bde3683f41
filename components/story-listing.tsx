import type { StoryPage } from "@/lib/stories/dal/listings";
import { PaginationLinks } from "./pagination-links";
import { StoryList } from "./story-card";

/** The stories of a section, tag or author page, with Newer / Older links. */
export function StoryListing({
  page,
  basePath,
  empty,
}: {
  page: StoryPage;
  basePath: string;
  empty: string;
}) {
  return (
    <section aria-labelledby="stories-heading" className="mt-8">
      <h2 id="stories-heading" className="sr-only">
        Stories
      </h2>
      {page.stories.length === 0 ? <p>{empty}</p> : <StoryList stories={page.stories} level={3} />}
      <PaginationLinks basePath={basePath} older={page.older} newer={page.newer} />
    </section>
  );
}
