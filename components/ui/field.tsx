// A form field: its label, an optional hint and its error, tied to the control with htmlFor and
// aria-describedby, and aria-invalid while it has an error. The control itself is the caller's (an
// input, a textarea, a select): Field hands it the attributes that wire it up.
import type { ReactNode } from "react";

export type FieldControl = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The field's first error message, if any (fieldErrorsOf in lib/result.ts). */
  error?: string;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}) })}
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-semibold text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
