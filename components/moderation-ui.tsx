"use client";
// Small pieces every moderation form shares: the announced outcome and a submit button that says it is
// working. Client-side only for useFormStatus; both render on the server too, so forms work without JS.
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/result";

export { INPUT, LABEL } from "./moderation-styles";
const BUTTONS = {
  primary:
    "rounded bg-neutral-900 px-3 py-1 font-semibold text-white disabled:opacity-70 dark:bg-neutral-100 dark:text-neutral-900",
  secondary:
    "rounded border border-neutral-500 px-3 py-1 font-semibold text-neutral-900 hover:bg-neutral-100 disabled:opacity-70 dark:text-neutral-100 dark:hover:bg-neutral-800",
  danger:
    "rounded bg-red-800 px-3 py-1 font-semibold text-white disabled:opacity-70 dark:bg-red-300 dark:text-neutral-950",
};

export function ModerationButton({
  children,
  variant = "secondary",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof BUTTONS }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={BUTTONS[variant]} {...props}>
      {children}
    </button>
  );
}

/** The first error of one field, tied to its input with aria-describedby. */
export function FieldError({ id, state, name }: { id: string; state: FormState; name: string }) {
  const message = state?.ok === false ? state.fieldErrors?.[name]?.[0] : undefined;
  return message ? (
    <p id={id} className="text-sm font-semibold text-red-800 dark:text-red-300">
      {message}
    </p>
  ) : null;
}
