"use client";
import { useFormStatus } from "react-dom";

const STYLES = {
  primary:
    "rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-70 dark:bg-neutral-100 dark:text-neutral-900",
  secondary:
    "rounded border border-neutral-500 px-4 py-2 font-semibold text-neutral-900 hover:bg-neutral-100 disabled:opacity-70 dark:text-neutral-100 dark:hover:bg-neutral-800",
  danger:
    "rounded bg-red-800 px-4 py-2 font-semibold text-white disabled:opacity-70 dark:bg-red-300 dark:text-neutral-950",
  link: "underline hover:no-underline disabled:opacity-70",
};

/** A submit button that says it is working while its form is pending (after hydration). */
export function AuthSubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: keyof typeof STYLES;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={`${STYLES[variant]} ${className}`}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
