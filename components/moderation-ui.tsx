"use client";
// Small pieces every moderation form shares: input and label styles and a field's error.

export const INPUT =
  "rounded border border-neutral-500 bg-white px-2 py-1 text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100";
export const LABEL = "block text-sm font-semibold";
