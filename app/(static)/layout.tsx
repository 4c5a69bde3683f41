import { SiteFooter, SiteHeader } from "@/components/site-chrome";

// Pages here touch no database at all, so they are prerendered at build time; that is why they
// live outside (site), whose header lists the sections from the database.
export default function StaticLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
