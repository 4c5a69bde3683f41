/**
 * A form's outcome, announced politely; errors in bold red. Every form (sign-in, account, comments,
 * moderation) uses this one, and it renders on the server too, so it shows without JavaScript.
 */
export function FormMessage({ id, state }: { id?: string; state: { ok: boolean; message: string } | null }) {
  return (
    <p
      id={id}
      role="status"
      aria-live="polite"
      className={
        state?.ok === false
          ? "text-sm font-semibold text-red-800 dark:text-red-300"
          : "text-sm text-green-800 dark:text-green-300"
      }
    >
      {state?.message ?? ""}
    </p>
  );
}
