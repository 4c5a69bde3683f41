"use client";
import { usePageActionState } from "./use-page-action-state";

/**
 * A form posting to a stateless server action, with the page's path as its permalink: a server action
 * given straight to `<form action>` is written `action=""` in the server's HTML, which is not valid HTML.
 */
export function PageActionForm({
  action,
  children,
  ...rest
}: Omit<React.ComponentProps<"form">, "action"> & {
  action: (state: unknown, formData: FormData) => Promise<void>;
}) {
  const [, dispatch] = usePageActionState<void | null, FormData>(action, null);
  return (
    <form action={dispatch} {...rest}>
      {children}
    </form>
  );
}
