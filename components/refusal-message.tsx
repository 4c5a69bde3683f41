
/** The body of a page answered with a 4xx status: not found, and the pages proxy.ts refuses with (app/(site)/refused/*). */
export function RefusalMessage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="font-serif text-4xl font-bold">{title}</h1>
      <div className="mt-4 space-y-4 text-neutral-700 dark:text-neutral-300">{children}</div>
      <p className="mt-6">
        <a href="/" className="font-semibold underline">
          Go to the front page
        </a>
      </p>
    </div>
  );
}
