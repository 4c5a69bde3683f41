import type { FormState } from "@/lib/schemas/auth";

/** The form's outcome, announced politely; rendered on the server too, so it shows without JavaScript. */
export function AuthFormMessage({ id, state }: { id: string; state: FormState }) {
  return (
    <p
      id={id}
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
