// Sign-in page paths and the callback-URL check, kept free of server-only imports so pages, tests and
// the Auth.js config share them.

export const AUTH_PAGES = {
  signIn: "/signin",
  verifyRequest: "/signin/check-email",
  error: "/signin/error",
} as const;

/**
 * Where to send a reader after sign-in: a path or a URL on our own origin, otherwise the home page.
 * Refuses protocol-relative (`//evil.example`), backslash tricks and other origins.
 */
export function safeRedirect(target: string | null | undefined, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (!target) return base.origin + "/";
  const trimmed = target.trim();
  if (trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.includes("\\")) {
    const url = new URL(trimmed, base);
    if (url.origin === base.origin) return url.toString();
  }
  try {
    const url = new URL(trimmed);
    if (url.origin === base.origin) return url.toString();
  } catch {
    // not an absolute URL
  }
  return base.origin + "/";
}

/** A relative path safe to carry in ?callbackUrl= (same rules, without the origin). */
export function safeCallbackPath(target: string | null | undefined, baseUrl: string): string {
  const url = new URL(safeRedirect(target, baseUrl));
  return url.pathname + url.search + url.hash;
}
