import { NotFoundMessage } from "@/components/not-found-message";
import { SiteFooter, SiteHeader } from "@/components/site-chrome";

// Only URLs that match no route land here (reader pages use app/(site)/not-found.tsx inside their
// own layout), so this page brings its own database-free header and footer.
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        <NotFoundMessage />
      </main>
      <SiteFooter />
    </>
  );
}
