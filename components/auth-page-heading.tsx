/** The h1 and lead paragraph every sign-in and account page starts with. */
export function AuthPageHeading({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight">{title}</h1>
      {children ? (
        <div className="mt-3 text-lg text-neutral-800 dark:text-neutral-200">{children}</div>
      ) : null}
    </div>
  );
}
