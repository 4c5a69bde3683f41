// Where the browser suite finds Chromium: CHROMIUM_PATH, else Debian's package. Playwright's own
// browser download is never used (it needs the network at install time).
import { existsSync } from "node:fs";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return existsSync(candidate) ? candidate : null;
}

/** Flags for a sandbox-less container without a GPU, and no calls home while tests run. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
