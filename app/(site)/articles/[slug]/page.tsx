import type { Metadata } from "next";
import Image from "next/image";
import { notFound, permanentRedirect } from "next/navigation";
import { findArticleBySlug, type ArticleDetail } from "@/lib/dal/articles";
import { ArticleBody } from "@/components/article-body";
import { Byline } from "@/components/byline";
import { formatDateTime } from "@/components/format";

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props["params"]): Promise<ArticleDetail> {
  const { slug } = await params;
  const found = await findArticleBySlug(decodeURIComponent(slug));
  if (found.kind === "redirect") permanentRedirect(`/articles/${found.slug}`);
  if (found.kind === "missing") notFound();
  return found.article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  return { title: article.headline, description: article.standfirst };
}

function Hero({ hero }: { hero: NonNullable<ArticleDetail["hero"]> }) {
  return (
    <figure className="my-8">
      {hero.path ? (
        <Image
          src={hero.path}
          alt={hero.alt}
          width={1600}
          height={900}
          priority
          sizes="(min-width: 1024px) 768px, 100vw"
          className="h-auto w-full rounded-sm"
        />
      ) : (
        // Imported stories can arrive with a description of the picture but without the file.
        <div
          role="img"
          aria-label={hero.alt}
          className="flex aspect-[21/9] w-full items-center justify-center rounded-sm bg-neutral-200 p-6 text-center text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300"
        >
          <span aria-hidden="true" className="max-w-md text-sm italic">
            {hero.alt}
          </span>
        </div>
      )}
      {hero.caption || hero.credit ? (
        <figcaption className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
          {hero.caption}
          {hero.credit ? (
            <span className="ml-1 text-xs uppercase tracking-wide">
              {hero.caption ? " " : null}Credit: {hero.credit}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  const updated =
    article.updatedAt && article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000
      ? article.updatedAt
      : null;
  return (
    <article className="mx-auto max-w-3xl">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-accent dark:text-red-400">
          {article.section.name}
        </p>
        <h1 className="mt-2 font-serif text-4xl font-bold leading-tight sm:text-5xl">{article.headline}</h1>
        <p className="mt-4 text-xl text-neutral-700 dark:text-neutral-300">{article.standfirst}</p>
        <p className="mt-4 text-sm text-neutral-600 dark:text-neutral-400">
          <Byline authors={article.authors} />
          <span className="block sm:inline sm:before:content-['_·_']">
            <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>
          </span>
          {updated ? (
            <span className="block sm:inline sm:before:content-['_·_']">
              Updated <time dateTime={updated.toISOString()}>{formatDateTime(updated)}</time>
            </span>
          ) : null}
        </p>
      </header>
      {article.hero ? <Hero hero={article.hero} /> : null}
      <ArticleBody markdown={article.body} />
      {article.tags.length > 0 ? (
        <footer className="mt-10 border-t border-neutral-300 pt-4 dark:border-neutral-700">
          <h2 className="sr-only">Tags</h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {article.tags.map((t) => (
              <li key={t.slug} className="rounded-full bg-neutral-100 px-3 py-1 dark:bg-neutral-800">
                {t.name}
              </li>
            ))}
          </ul>
        </footer>
      ) : null}
    </article>
  );
}
