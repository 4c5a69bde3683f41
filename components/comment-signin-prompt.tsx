// "Sign in to comment", coming back to the story's comments. Used by server pages and client islands.
import Link from "next/link";

/** The sign-in page, coming back to `back` (the story's comments by default). */
export function signInHref(back: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(back)}`;
}

export function SignInPrompt({ slug, back }: { slug: string; back?: string }) {
  return (
    <p className="mt-3 text-neutral-700 dark:text-neutral-300">
      <Link href={signInHref(back ?? `/articles/${slug}#comments`)} className="font-semibold underline">
        Sign in to comment
      </Link>
    </p>
  );
}
