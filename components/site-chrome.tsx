import { env } from "@/lib/env";
import type { SectionLink } from "@/lib/stories/dal/sections";
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
          <a href={paths.section(s.slug)} className="hover:underline">
            {s.name}
          </a>
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
function SiteHeader({ nav }: { nav?: React.ReactNode }) {
  return (
    <header className="border-b-4 border-double border-neutral-300 dark:border-neutral-700">
      <div className="mx-auto max-w-6xl px-4 py-3 sm:py-5">
        <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 sm:gap-3">
          <a href="/" className="font-serif text-2xl font-bold tracking-tight sm:text-4xl">
            {env.SITE_NAME}
          </a>
          <div className="flex flex-wrap items-center gap-3">
            <div className="hidden items-center gap-3 sm:flex">
              <SearchForm />
              <ThemeToggle />
            </div>
            <UserMenu />
            <SmallScreenMenu />
          </div>
        </div>
        {nav ? (
          <nav aria-label="Sections" className="mt-2 sm:mt-3 print:hidden">
            {nav}
          </nav>
        ) : null}
      </div>
    </header>
  );
}

/**
 * On a phone the search box and the theme switch would push the headline down by a screenful's
 * tenth; they fold behind one "Menu" control. A <details> opens without JavaScript; wider screens
 * show the inline copy above instead (only one copy is ever displayed, so each has its own ids).
 */
function SmallScreenMenu() {
  return (
    <details className="sm:hidden print:hidden">
      <summary className="cursor-pointer list-none rounded border border-neutral-400 px-3 py-1 text-sm font-semibold select-none dark:border-neutral-600 [&::-webkit-details-marker]:hidden">
        Menu
      </summary>
      <div className="mt-2 flex flex-col items-start gap-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
        <SearchForm id="site-search-menu" />
        <ThemeToggle />
      </div>
    </details>
  );
}

function SiteFooter({ nav }: { nav?: React.ReactNode }) {
  return (
    <footer className="mt-12 border-t border-neutral-300 py-8 text-sm text-neutral-700 print:hidden dark:border-neutral-700 dark:text-neutral-300">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4">
        {nav ? <nav aria-label="Sections (footer)">{nav}</nav> : null}
        <p>
          © {env.SITE_NAME}. Independent local journalism.{" "}
          <a href="/about" className="underline">
            About us
          </a>
        </p>
      </div>
    </footer>
  );
}

/** Header, the page's <main> (the skip link's target) and footer: the frame of every reader page. */
export function SiteFrame({
  children,
  narrow = false,
  headerNav,
  footerNav,
}: {
  children: React.ReactNode;
  /** Forms (sign-in, account) read best in a narrower column. */
  narrow?: boolean;
  headerNav?: React.ReactNode;
  footerNav?: React.ReactNode;
}) {
  return (
    <>
      <SiteHeader nav={headerNav} />
      <main
        id="main"
        tabIndex={-1}
        className={`mx-auto px-4 focus:outline-none ${narrow ? "max-w-xl py-10" : "max-w-6xl py-8"}`}
      >
        {children}
      </main>
      <SiteFooter nav={footerNav} />
    </>
  );
}
