// What proxy.ts refuses before Next sees a request: methods a URL does not answer, and URLs no page
// can mean (bad percent-encoding, invalid UTF-8, control characters, absurd lengths). Next answers
// several of these with a 500 and a stack trace in the log; here they get a 4xx. Pure and cheap (no
// database): it runs on every page view.

/** The route handlers and the methods each answers; every other path is a page. */
const ROUTE_METHODS: readonly [RegExp, readonly string[]][] = [
  [/^\/api\/auth(\/|$)/, ["GET", "POST"]],
  [/^\/api\/revalidate\/?$/, ["POST"]],
  [/^\/api\//, ["GET"]],
  [/^\/account\/export\/?$/, ["GET"]],
  [/^\/articles\/[^/]+\/comments\/[^/]+\/?$/, ["GET"]],
  [/^\/articles\/[^/]+\/opengraph-image[^/]*$/, ["GET"]],
  [/\.(xml|txt)$/, ["GET"]],
];

/** Pages answer GET and HEAD, and POST as a server action (Next-Action header or a multipart form). */
const PAGE_METHODS = ["GET", "HEAD", "POST"];
// React sends a no-JavaScript action form as multipart; nothing of ours posts urlencoded to a page.
const FORM_TYPES = /^multipart\/form-data\s*(;|$)/i;

/** Longer than any slug, cursor or id the site makes (slugs stop at 200; see lib/stories/dal/reader-routes). */
export const MAX_SEGMENT = 1024;
const MAX_QUERY = 4096;

export type Refusal =
  | { kind: "method"; status: 405; allow: string }
  | { kind: "media-type"; status: 415 }
  | { kind: "cross-origin"; status: 403 }
  | { kind: "bad-url"; status: 400 };

/**
 * Set by instrumentation.ts (replacing any a client sent) when the query as it arrived does not
 * decode: Next re-encodes a stray `%` before proxy.ts sees the URL, so only the raw request can tell.
 */
export const MALFORMED_QUERY_HEADER = "x-newsroom-malformed-query";

export type GuardedRequest = {
  method: string;
  /** As sent: still percent-encoded. */
  pathname: string;
  /** As sent, with or without the leading "?". */
  search: string;
  headers: Pick<Headers, "get">;
};

/** HEAD goes wherever GET does (Next answers it from the GET handler). */
function allowed(methods: readonly string[]): readonly string[] {
  return methods.includes("GET") ? [...methods, "HEAD"] : methods;
}

export function routeMethods(pathname: string): readonly string[] | null {
  for (const [pattern, methods] of ROUTE_METHODS) if (pattern.test(pathname)) return allowed(methods);
  return null;
}

// Control characters (NUL above all) mean nothing in a slug, a cursor or a search and upset drivers.
const CONTROL = /[\u0000-\u001f\u007f]/;

function decodes(part: string): boolean {
  try {
    return !CONTROL.test(decodeURIComponent(part));
  } catch {
    return false; // malformed %-escape or bytes that are not UTF-8
  }
}

/** A path and query a page or route could mean: each part decodes to UTF-8 text without controls. */
export function wellFormedUrl(pathname: string, search: string): boolean {
  return wellFormedPath(pathname) && wellFormedQuery(search);
}

export function wellFormedPath(pathname: string): boolean {
  return pathname.split("/").every((s) => s.length <= MAX_SEGMENT && decodes(s));
}

export function wellFormedQuery(search: string): boolean {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (query.length > MAX_QUERY) return false;
  return query === "" || query.split(/[&=]/).every((p) => decodes(p.replace(/\+/g, " ")));
}

/** What a path answers, for an Allow header. */
export function allowFor(pathname: string): string {
  return (routeMethods(pathname) ?? PAGE_METHODS).join(", ");
}

/**
 * Methods fetch's Request refuses to carry: Next builds one for every request and answered these with
 * a 500 and a stack trace before proxy.ts could see them, so instrumentation.ts answers them first.
 */
export const UNFETCHABLE_METHODS: ReadonlySet<string> = new Set(["TRACE", "TRACK", "CONNECT"]);

export function isPage(pathname: string): boolean {
  return routeMethods(pathname) === null;
}

/** Why this request gets a 4xx, or null when Next should answer it. */
export function refusal(request: GuardedRequest): Refusal | null {
  const method = request.method.toUpperCase();
  const routeAllows = routeMethods(request.pathname);
  const allows = routeAllows ?? PAGE_METHODS;
  if (!allows.includes(method)) return { kind: "method", status: 405, allow: allows.join(", ") };
  if (
    !wellFormedUrl(request.pathname, request.search) ||
    request.headers.get(MALFORMED_QUERY_HEADER) !== null
  )
    return { kind: "bad-url", status: 400 };
  if (routeAllows === null && method === "POST") {
    // A server action replayed from another site (Next answers it 500, even in 16.5): refused here.
    const origin = request.headers.get("origin");
    if (origin !== null && !sameOrigin(origin, request.headers)) return { kind: "cross-origin", status: 403 };
    if (!request.headers.get("next-action") && !FORM_TYPES.test(request.headers.get("content-type") ?? ""))
      return { kind: "media-type", status: 415 };
  }
  return null;
}

/**
 * Whether an Origin header names the host the request was sent to (the first X-Forwarded-Host a proxy
 * set, else Host), as Next's own action check compares them. "null" and malformed origins are not.
 */
function sameOrigin(origin: string, headers: Pick<Headers, "get">): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const target = forwarded || headers.get("host");
  return !!host && !!target && host.toLowerCase() === target.toLowerCase();
}
