import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-neutral-700 dark:text-neutral-300">
        The page you are looking for has moved, been unpublished, or never existed.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-semibold underline">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}
