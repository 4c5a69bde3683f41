"use client";

import { useSyncExternalStore } from "react";
import { THEME_EVENT, THEME_STORAGE_KEY } from "@/lib/theme-script";

type Choice = "light" | "dark" | "system";
const CHOICES: { value: Choice; label: string }[] = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
];

function read(): Choice {
  try {
    const saved = localStorage.getItem(THEME_STORAGE_KEY);
    return saved === "light" || saved === "dark" ? saved : "system";
  } catch {
    return "system";
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener(THEME_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(THEME_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function choose(choice: Choice) {
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage can be blocked; the theme still follows the system.
  }
  window.dispatchEvent(new Event(THEME_EVENT));
}

/** Light / Dark / System. The server renders "System"; the saved choice shows once hydrated. */
export function ThemeToggle() {
  const current = useSyncExternalStore(subscribe, read, () => "system" as Choice);
  return (
    <div
      role="group"
      aria-label="Colour theme"
      className="inline-flex overflow-hidden rounded border border-neutral-400 text-xs print:hidden dark:border-neutral-600"
    >
      {CHOICES.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          aria-pressed={current === value}
          onClick={() => choose(value)}
          className="px-2 py-1 font-medium aria-pressed:bg-neutral-900 aria-pressed:text-white dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
