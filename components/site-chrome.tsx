import Link from "next/link";
import { env } from "@/lib/env";
import type { SectionLink } from "@/lib/dal/sections";
import { SearchForm } from "./search-form";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import { paths } from "@/lib/paths";

export function SectionLinks({ sections, className }: { sections: SectionLink[]; className?: string }) {
  if (sections.length === 0) return null;
  return (
    <ul className={className}>
      {sections.map((s) => (
        <li key={s.slug}>
          <Link href={paths.section(s.slug)} className="hover:underline">
            {s.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Masthead, search, theme and the reader's sign-in state; `nav` is the section navigation (streamed in
 * by the caller). Everything here is the same for every reader, so pages stay static: the sign-in state
 * is a client island (UserMenu) that asks /api/viewer.
 */
export function SiteHeader({ nav }: { nav?: React.ReactNode }) {
  return (
    <header className="border-b-4 border-double border-neutral-300 dark:border-neutral-700">
      <div className="mx-auto max-w-6xl px-4 py-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Link href="/" className="font-serif text-3xl font-bold tracking-tight sm:text-4xl">
            {env.SITE_NAME}
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <SearchForm />
            <ThemeToggle />
            <UserMenu />
          </div>
        </div>
        {nav ? (
          <nav aria-label="Sections" className="mt-3 print:hidden">
            {nav}
          </nav>
        ) : null}
      </div>
    </header>
  );
}

export function SiteFooter({ nav }: { nav?: React.ReactNode }) {
  return (
    <footer className="mt-12 border-t border-neutral-300 py-8 text-sm text-neutral-700 print:hidden dark:border-neutral-700 dark:text-neutral-300">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4">
        {nav ? <nav aria-label="Sections (footer)">{nav}</nav> : null}
        <p>
          © {env.SITE_NAME}. Independent local journalism.{" "}
          <Link href="/about" className="underline">
            About us
          </Link>
        </p>
      </div>
    </footer>
  );
}
