// Class strings the moderation forms share. A module of its own, not "use client": a server component
// importing a string from a client module gets a client reference, and its class attribute became the
// reference's text ("Attempted to call … from the server …").
export const INPUT =
  "rounded border border-neutral-500 bg-white px-2 py-1 text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100";
export const LABEL = "block text-sm font-semibold";
