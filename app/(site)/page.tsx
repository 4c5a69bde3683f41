import type { Metadata } from "next";
import { StoryCard } from "@/components/story-card";
import { JsonLd } from "@/components/json-ld";
import { homeMetadata } from "@/lib/seo/metadata";
import { websiteJsonLd } from "@/lib/seo/json-ld";
import { cachedFrontPage } from "./_lib/cached";
import { paths } from "@/lib/paths";

export const metadata: Metadata = homeMetadata();

const ruled = "mt-10 border-t border-neutral-300 pt-6 dark:border-neutral-700";
const railHeading = "text-sm font-bold uppercase tracking-wider";

export default async function HomePage() {
  const {
    latest: [lead, ...latest],
    rails,
    mostCommented,
  } = await cachedFrontPage();
  if (!lead) {
    return (
      <>
        <h1 className="sr-only">Latest news</h1>
        <p>
          No stories have been published yet. Import some with <code>npm run articles:import</code>.
        </p>
      </>
    );
  }
  // Without a lead picture, the first of the latest stories' pictures is the top of the page on a phone.
  const firstPicture = lead.hero ? undefined : latest.find((story) => story.hero)?.id;
  return (
    <>
      <JsonLd data={websiteJsonLd()} />
      <h1 className="sr-only">Latest news</h1>
      <StoryCard story={lead} lead />
      {latest.length > 0 ? (
        <section aria-labelledby="latest" className={ruled}>
          <h2 id="latest" className={`mb-6 ${railHeading}`}>
            Latest
          </h2>
          <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
            {latest.map((story) => (
              <li key={story.id}>
                <StoryCard story={story} level={3} firstImage={story.id === firstPicture} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {mostCommented.length > 0 ? (
        <section aria-labelledby="most-commented" className={ruled}>
          <h2 id="most-commented" className={`mb-4 ${railHeading}`}>
            Most commented
          </h2>
          <ol className="list-decimal space-y-2 pl-6 font-serif text-lg font-bold">
            {mostCommented.map((story) => (
              <li key={story.id}>
                <a href={paths.article(story.slug)} className="hover:underline">
                  {story.headline}
                </a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {rails.map(({ section, stories }) => (
        <section key={section.slug} aria-labelledby={`rail-${section.slug}`} className={ruled}>
          <div className="mb-6 flex items-baseline justify-between gap-4">
            <h2 id={`rail-${section.slug}`} className={railHeading}>
              {section.name}
            </h2>
            <a href={paths.section(section.slug)} className="text-sm font-semibold underline">
              More {section.name}
              <span className="sr-only"> stories</span>
            </a>
          </div>
          <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {stories.map((story) => (
              <li key={story.id}>
                <StoryCard story={story} level={3} showImage={false} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
