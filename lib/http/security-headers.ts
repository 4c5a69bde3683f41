// The security headers every response carries (next.config.ts `headers()`) and the nonce policy the
// per-request pages get instead (proxy.ts). Pure: no environment reads, so next.config can import it.
import { createHash } from "node:crypto";
import { themeScript } from "../theme-script";

/** Directives both policies share. Story bodies may show `https://` images (README "Importing stories"). */
const SHARED = [
  "default-src 'self'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "frame-src 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
];

// Inline style attributes (and React's) cannot carry a nonce, so styles stay 'unsafe-inline' on both.
const STYLE = "style-src 'self' 'unsafe-inline'";

/**
 * Cached pages are rendered once for every reader, so there is no per-request nonce to put in them,
 * and Next's inline flight scripts differ per page, so they cannot be hashed ahead of time.
 */
export function cachedPageCsp(dev = false): string {
  return [
    ...SHARED,
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    STYLE,
    "form-action 'self'",
  ].join("; ");
}

/** The inline theme script (app/layout.tsx) is the same bytes on every page: allowed by its hash. */
export const THEME_SCRIPT_HASH = `'sha256-${createHash("sha256").update(themeScript).digest("base64")}'`;

/**
 * Pages rendered per request: Next puts the nonce on its own scripts (it reads it from this header on
 * the request), 'strict-dynamic' lets those load the chunks, and the theme script is allowed by hash
 * (it sits in the root layout, which cached pages share, so it cannot read the nonce).
 * `formOrigins`: where a plain form post may be redirected (Chrome checks form-action on redirects),
 * i.e. the OAuth providers the sign-in page's no-JavaScript forms lead to.
 */
export function noncePageCsp(nonce: string, formOrigins: readonly string[] = [], dev = false): string {
  // `next dev` rebuilds server error stacks in the browser with eval; production never evals.
  const evalInDev = dev ? " 'unsafe-eval'" : "";
  return [
    ...SHARED,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${THEME_SCRIPT_HASH}${evalInDev}`,
    STYLE,
    ["form-action 'self'", ...formOrigins].join(" "),
  ].join("; ");
}

const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
].join(", ");

/** Sent on every response, from next.config.ts. HSTS depends on SITE_URL at run time: see proxy.ts. */
export const staticSecurityHeaders = (dev = false): { key: string; value: string }[] => [
  { key: "Content-Security-Policy", value: cachedPageCsp(dev) },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Two years, the HSTS preload list's minimum; only over https (a browser ignores it over http). */
const HSTS = "max-age=63072000; includeSubDomains";

export function hstsFor(siteUrl: string): string | null {
  return siteUrl.startsWith("https:") ? HSTS : null;
}
