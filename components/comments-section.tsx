import Link from "next/link";

export function commentsHeading(count: number): string {
  return `${count} ${count === 1 ? "Comment" : "Comments"}`;
}

/** The comments area under a story. Comments themselves arrive with the comments issue. */
export function CommentsSection({ count, closed = false }: { count: number; closed?: boolean }) {
  return (
    <section
      aria-labelledby="comments-heading"
      className="mt-12 border-t border-neutral-300 pt-6 print:hidden dark:border-neutral-700"
    >
      <h2 id="comments-heading" className="font-serif text-2xl font-bold">
        {commentsHeading(count)}
      </h2>
      {closed ? (
        <p className="mt-3 text-neutral-700 dark:text-neutral-300">Comments are closed on this story.</p>
      ) : (
        <p className="mt-3 text-neutral-700 dark:text-neutral-300">
          <Link href="/signin" className="font-semibold underline">
            Sign in to comment
          </Link>
        </p>
      )}
    </section>
  );
}
