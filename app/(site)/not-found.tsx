import Link from "next/link";

// notFound() from a reader page renders inside the (site) layout, which already has the header,
// <main> and footer; app/not-found.tsx brings its own for URLs that match no route at all.
export default function SiteNotFound() {
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
