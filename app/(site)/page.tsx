import Image from "next/image";
import Link from "next/link";
import { connection } from "next/server";
import { listLatestArticles, type ArticleSummary } from "@/lib/dal/articles";
import { Byline } from "@/components/byline";
import { formatDate } from "@/components/format";

function StoryCard({ story, lead = false }: { story: ArticleSummary; lead?: boolean }) {
  return (
    <article className={lead ? "grid gap-6 md:grid-cols-[3fr_2fr]" : "flex flex-col gap-3"}>
      {story.hero ? (
        <Image
          src={story.hero.path}
          alt={story.hero.alt}
          width={1600}
          height={900}
          priority={lead}
          sizes={lead ? "(min-width: 768px) 60vw, 100vw" : "(min-width: 768px) 33vw, 100vw"}
          className="h-auto w-full rounded-sm"
        />
      ) : null}
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-accent dark:text-red-400">
          {story.section.name}
        </p>
        <h2
          className={`font-serif font-bold leading-tight ${lead ? "mt-2 text-3xl sm:text-4xl" : "mt-1 text-xl"}`}
        >
          <Link href={`/articles/${story.slug}`} className="hover:underline">
            {story.headline}
          </Link>
        </h2>
        <p className={`mt-2 text-neutral-700 dark:text-neutral-300 ${lead ? "text-lg" : ""}`}>
          {story.standfirst}
        </p>
        <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
          <Byline authors={story.authors} />
          {story.authors.length > 0 ? " · " : null}
          <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time>
        </p>
      </div>
    </article>
  );
}

export default async function HomePage() {
  await connection();
  const [lead, ...rest] = await listLatestArticles(25);
  return (
    <>
      <h1 className="sr-only">Latest news</h1>
      {lead ? (
        <>
          <StoryCard story={lead} lead />
          <section
            aria-labelledby="latest"
            className="mt-10 border-t border-neutral-300 pt-6 dark:border-neutral-700"
          >
            <h2 id="latest" className="mb-6 text-sm font-bold uppercase tracking-wider">
              Latest
            </h2>
            <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
              {rest.map((story) => (
                <StoryCard key={story.id} story={story} />
              ))}
            </div>
          </section>
        </>
      ) : (
        <p>
          No stories have been published yet. Import some with <code>npm run articles:import</code>.
        </p>
      )}
    </>
  );
}
