import Link from "next/link";
import { SiteFooter, SiteHeader } from "@/components/site-chrome";

// Only URLs that match no route land here (reader pages use app/(site)/not-found.tsx inside their
// own layout), so this page brings its own database-free header and footer.
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-2xl px-4 py-24 text-center focus:outline-none">
        <h1 className="font-serif text-4xl font-bold">Page not found</h1>
        <p className="mt-4 text-neutral-700 dark:text-neutral-300">
          The page you are looking for has moved, been unpublished, or never existed.
        </p>
        <p className="mt-6">
          <Link href="/" className="font-semibold underline">
            Go to the front page
          </Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
