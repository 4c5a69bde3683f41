"use client";
// A submit button that says it is working while its form posts (useFormStatus after hydration, or
// `pending` for a submit started by hand). Renders on the server too: forms work without JavaScript.
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonProps } from "./button";

export function SubmitButton({
  children,
  pendingLabel,
  pending: started = false,
  variant = "primary",
  size = "md",
  className = "",
  ...props
}: ButtonProps & { pendingLabel?: string; pending?: boolean }) {
  const pending = useFormStatus().pending || started;
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending || undefined}
      className={buttonClass(variant, size, className)}
      {...props}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
