
type Props = {
  /** The listing's own path, e.g. /sections/city. */
  basePath: string;
  /** Cursor of the older page (basePath/page/<cursor>), or null on the last page. */
  older: string | null;
  /** null on the newest page; `{ cursor: null }` when newer stories are on the first page. */
  newer: { cursor: string | null } | null;
};

const linkClass =
  "inline-block rounded border border-neutral-400 px-4 py-2 font-semibold hover:bg-neutral-100 dark:border-neutral-600 dark:hover:bg-neutral-800";

/** "Newer stories" / "Older stories" links for keyset-paginated listings. */
export function PaginationLinks({ basePath, older, newer }: Props) {
  if (!older && !newer) return null;
  const newerHref = newer?.cursor ? `${basePath}/page/${newer.cursor}` : basePath;
  return (
    <nav aria-label="Pages" className="mt-10 flex justify-between gap-4 print:hidden">
      {newer ? (
        <a href={newerHref} rel="prev" className={linkClass}>
          <span aria-hidden="true">← </span>Newer stories
        </a>
      ) : (
        <span />
      )}
      {older ? (
        <a href={`${basePath}/page/${older}`} rel="next" className={linkClass}>
          Older stories<span aria-hidden="true"> →</span>
        </a>
      ) : null}
    </nav>
  );
}
