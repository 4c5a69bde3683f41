// The HTML of the prerendered pages under app/(site)/refused, which proxy.ts sends with a 4xx status.
// A rewrite to them cannot carry the status: Next sends a prerendered page with its own (200). Their
// HTML is complete at build time (no per-request holes), so it is read once from the build and sent
// as it is. Node-only (proxy.ts runs in the Node.js runtime).
import { readFileSync } from "node:fs";
import path from "node:path";

export type RefusalPage = "bad-address" | "too-many-searches";

const pages = new Map<RefusalPage, string | null>();

/** The page's HTML, or null when there is no build to read it from (development). */
export function refusalPageHtml(page: RefusalPage): string | null {
  if (!pages.has(page)) {
    const file = path.resolve(
      process.env.NEXT_DIST_DIR || ".next",
      "server",
      "app",
      "refused",
      `${page}.html`,
    );
    let html: string | null = null;
    try {
      if (process.env.NODE_ENV === "production") html = readFileSync(file, "utf8");
    } catch {
      html = null;
    }
    pages.set(page, html);
  }
  return pages.get(page) ?? null;
}
