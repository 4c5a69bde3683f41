/**
 * A plain GET form: works before (and without) JavaScript. Results live at /search. `id` names the
 * input, for a page that has a second copy (the header's small-screen menu).
 */
export function SearchForm({ id = "site-search" }: { id?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex items-center gap-1 print:hidden">
      <label htmlFor={id} className="sr-only">
        Search
      </label>
      <input
        id={id}
        type="search"
        name="q"
        maxLength={200}
        placeholder="Search stories"
        className="w-40 rounded border border-neutral-400 bg-white px-2 py-1 text-sm text-neutral-900 placeholder:text-neutral-600 sm:w-56 dark:border-neutral-600 dark:bg-neutral-900 dark:text-neutral-100 dark:placeholder:text-neutral-400"
      />
      <button
        type="submit"
        className="rounded bg-neutral-900 px-3 py-1 text-sm font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900"
      >
        Search
      </button>
    </form>
  );
}
