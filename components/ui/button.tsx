// The site's buttons: one style map for every form (comments, moderation, account, sign-in). Server
// components use `Button` or `buttonClass`; forms that show a pending state use ./submit-button.tsx.

const VARIANTS = {
  primary:
    "rounded bg-neutral-900 font-semibold text-white hover:bg-neutral-700 disabled:opacity-70 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300",
  secondary:
    "rounded border border-neutral-500 font-semibold text-neutral-900 hover:bg-neutral-100 disabled:opacity-70 dark:text-neutral-100 dark:hover:bg-neutral-800",
  danger:
    "rounded bg-red-800 font-semibold text-white disabled:opacity-70 dark:bg-red-300 dark:text-neutral-950",
  /** Text that reads as a link but submits a form (sign out, "use another address"). */
  link: "underline hover:no-underline disabled:opacity-70",
  /** Small text actions beside a comment (reply, edit, report). */
  quiet:
    "text-sm font-semibold text-neutral-700 underline-offset-2 hover:underline disabled:opacity-60 dark:text-neutral-300",
} as const;

const SIZES = { sm: "px-3 py-1", md: "px-4 py-2" } as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/** The class list of a button of `variant` and `size` (link and quiet buttons have no padding). */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md", extra = ""): string {
  const padding = variant === "link" || variant === "quiet" ? "" : SIZES[size];
  return [VARIANTS[variant], padding, extra].filter(Boolean).join(" ");
}

export type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/** A plain button (type="submit" unless told otherwise), for server-rendered forms. */
export function Button({
  variant = "primary",
  size = "md",
  className = "",
  type = "submit",
  ...props
}: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
