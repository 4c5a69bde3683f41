import Link from "next/link";
import { Suspense } from "react";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { listSections } from "@/lib/dal/sections";

async function SectionNav() {
  await connection();
  const sections = await listSections();
  if (sections.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium">
      {sections.map((s) => (
        <li key={s.slug}>{s.name}</li>
      ))}
    </ul>
  );
}

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b-4 border-double border-neutral-300 dark:border-neutral-700">
        <div className="mx-auto max-w-6xl px-4 py-5">
          <Link href="/" className="font-serif text-3xl font-bold tracking-tight sm:text-4xl">
            {env.SITE_NAME}
          </Link>
          <nav aria-label="Sections" className="mt-3">
            <Suspense fallback={null}>
              <SectionNav />
            </Suspense>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <footer className="mt-12 border-t border-neutral-300 py-8 text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
        <div className="mx-auto max-w-6xl px-4">© {env.SITE_NAME}. Independent local journalism.</div>
      </footer>
    </>
  );
}
