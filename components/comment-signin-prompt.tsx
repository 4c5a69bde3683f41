// "Sign in to comment", coming back to the story's comments. Used by server pages and client islands.
import { paths } from "@/lib/paths";

/** The sign-in page, coming back to `back` (the story's comments by default). */
export function signInHref(back: string): string {
  return paths.signIn(back);
}

export function SignInPrompt({ slug, back }: { slug: string; back?: string }) {
  return (
    <p className="mt-3 text-neutral-700 dark:text-neutral-300">
      <a
        href={signInHref(back ?? paths.articleWith(slug, "#comments"))}
        className="font-semibold underline"
      >
        Sign in to comment
      </a>
    </p>
  );
}
