import { StaticImage } from "@/components/static-image";
import type { ArticleDetail } from "@/lib/stories/dal/articles";

export function Hero({ hero }: { hero: NonNullable<ArticleDetail["hero"]> }) {
  return (
    <figure className="my-8">
      {hero.path ? (
        <StaticImage
          src={hero.path}
          alt={hero.alt}
          width={1600}
          height={900}
          lead
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
