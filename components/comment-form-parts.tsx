"use client";
// Pieces every comment form shares. The forms work before (and without) JavaScript: they post to the
// server action as plain forms, and `enhanced` tells the action whether to answer with state (JS) or
// with a redirect back to the comment (no JS).
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** True once React runs in the browser; false in the server's HTML. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A fresh idempotency key. crypto.randomUUID exists only on https and localhost, so a site served over
 * plain http on a LAN falls back to getRandomValues, which exists everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The hidden fields of every comment form. */
export function CommentFormHiddenFields({
  returnTo,
  fields = {},
}: {
  returnTo: string;
  fields?: Record<string, string | undefined>;
}) {
  const hydrated = useHydrated();
  return (
    <>
      <input type="hidden" name="enhanced" value={hydrated ? "1" : "0"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {Object.entries(fields).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
    </>
  );
}

/** A field only bots fill in: off screen, out of the tab order and hidden from assistive technology. */
export function Honeypot({ id }: { id: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
      <label htmlFor={id}>Leave this field empty</label>
      <input id={id} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

export { SubmitButton } from "./ui/submit-button";

export { FormMessage } from "./form-message";
