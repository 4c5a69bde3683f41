// Where the site lives and what it is called: every absolute URL in metadata, feeds, sitemaps and
// JSON-LD is built here from the one setting, env.SITE_URL.
import { env } from "@/lib/env";

export const site = {
  url: env.SITE_URL,
  name: env.SITE_NAME,
  /** BCP 47; the <html lang> in app/layout.tsx says the same. */
  language: "en",
  description: `News and comment from ${env.SITE_NAME}.`,
  /** The publisher logo in JSON-LD: a plain emblem, drawn without text so no font is involved. */
  logo: { path: "/logo.png", width: 512, height: 512 },
} as const;

/**
 * An absolute URL for a site path (lib/paths.ts) or a public file. URLs that are already absolute
 * pass through. SITE_URL is an origin (lib/env.ts refuses a path), but a trailing path is kept
 * rather than dropped, should a test pass one as `base`.
 */
export function absoluteUrl(path: string, base: string = site.url): string {
  if (/^https?:\/\//i.test(path)) return new URL(path).href;
  const root = base.endsWith("/") ? base : `${base}/`;
  return new URL(path.replace(/^\/+/, ""), root).href;
}
