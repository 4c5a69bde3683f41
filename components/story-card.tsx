import type { ArticleSummary } from "@/lib/stories/dal/articles";
import { Byline } from "./byline";
import { SITE_TIMEZONE } from "@/lib/format/date";
import { Time } from "./ui/time";
import { StaticImage } from "./static-image";
import { paths } from "@/lib/paths";

type Props = {
  story: ArticleSummary;
  /** The front page's lead: bigger type, picture beside the text on wide screens. */
  lead?: boolean;
  /** Heading level of the headline, so each list fits its page's outline. */
  level?: 2 | 3;
  showImage?: boolean;
  /** The page's first picture, likely its largest paint: fetched eagerly and preloaded (default: `lead`). */
  firstImage?: boolean;
  /** Shown after the standfirst, e.g. a search result's highlighted excerpt. */
  children?: React.ReactNode;
};

export function StoryCard({
  story,
  lead = false,
  level = 2,
  showImage = true,
  firstImage = lead,
  children,
}: Props) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className={lead ? "grid gap-6 md:grid-cols-[3fr_2fr]" : "flex flex-col gap-3"}>
      {showImage && story.hero ? (
        <StaticImage
          src={story.hero.path}
          alt={story.hero.alt}
          width={1600}
          height={900}
          lead={firstImage}
          sizes={lead ? "(min-width: 768px) 60vw, 100vw" : "(min-width: 768px) 33vw, 100vw"}
          className="h-auto w-full rounded-sm"
        />
      ) : null}
      <div>
        <SectionKicker section={story.section} className="text-xs" />
        <Heading
          className={`font-serif font-bold leading-tight ${lead ? "mt-2 text-3xl sm:text-4xl" : "mt-1 text-xl"}`}
        >
          <a href={paths.article(story.slug)} className="hover:underline">
            {story.headline}
          </a>
        </Heading>
        <p className={`mt-2 text-neutral-700 dark:text-neutral-300 ${lead ? "text-lg" : ""}`}>
          {story.standfirst}
        </p>
        {children}
        <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
          <Byline authors={story.authors} />
          {story.authors.length > 0 ? " · " : null}
          <Time date={story.publishedAt} timeZone={SITE_TIMEZONE} format="date" />
        </p>
      </div>
    </article>
  );
}

/** A plain list of cards, as on section, tag and author pages. */
export function StoryList({ stories, level = 2 }: { stories: ArticleSummary[]; level?: 2 | 3 }) {
  return (
    <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
      {stories.map((story) => (
        <li key={story.id}>
          <StoryCard story={story} level={level} />
        </li>
      ))}
    </ul>
  );
}

/** The section's name above a headline, linking to the section: on story cards and the story page. */
export function SectionKicker({
  section,
  className,
}: {
  section: { slug: string; name: string };
  className: string;
}) {
  return (
    <p className={`${className} font-semibold uppercase tracking-wide`}>
      <a href={paths.section(section.slug)} className="text-accent hover:underline dark:text-red-300">
        {section.name}
      </a>
    </p>
  );
}
