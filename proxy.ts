import { NextResponse, type NextRequest } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { readerRouteVerdict } from "@/lib/stories/dal/reader-routes";
import { searchLimit } from "@/lib/stories/dal/search";
import { isStaffSessionToken } from "@/lib/moderation/dal/staff-session";
import { sessionCookieName } from "@/lib/accounts/auth/pages";
import { env } from "@/lib/env";
import { isPage, refusal, wellFormedPath } from "@/lib/http/request-guard";
import { hstsFor, noncePageCsp } from "@/lib/http/security-headers";
import { sharedCacheControl } from "@/lib/http/shared-cache";
import { refusalPageHtml, type RefusalPage } from "@/lib/http/refusal-pages";
import {
  ACTION_ID_LENGTH,
  answersResultOnly,
  formActionIds,
  knownActionIds,
} from "@/lib/http/server-action-ids";
import { backPath, staleFormPage, typedFields } from "@/lib/http/stale-form-page";

const SESSION_COOKIE = sessionCookieName(env.SITE_URL);
const HSTS = hstsFor(env.SITE_URL);

/** Pages rendered for each request (they read the session): the only ones a nonce can reach. */
const PER_REQUEST_PAGE = /^\/(account|signin|moderation)(\/|$)|^\/articles\/[^/]+\/comments(\/|$)/;
/** Staff pages: a real 404 for everyone else, decided here. */
const STAFF_PAGE = /^\/moderation(\/|$)/;
/** Pages whose URL names a story, section, tag or author (lib/stories/dal/reader-routes.ts). */
// A story and everything under it (comments, reply, edit, report, image: 404 with it once unpublished),
// and the listings and their pages.
const READER_PAGE = /^\/(?:articles\/[^/]+(?:\/.*)?|(?:sections|tags|authors)\/[^/]+(?:\/page\/[^/]+)?\/?)$/;

// Where the sign-in page's no-JavaScript provider forms are redirected (form-action covers redirects).
const OAUTH_ORIGINS = [
  ...(env.AUTH_GITHUB_ID ? ["https://github.com"] : []),
  ...(env.AUTH_GOOGLE_ID ? ["https://accounts.google.com"] : []),
  ...(env.AUTH_OIDC_ISSUER ? [new URL(env.AUTH_OIDC_ISSUER).origin] : []),
];

/** The pages proxy.ts answers refusals with (by rewrite, with their status); not URLs of their own. */
const REFUSAL_PAGE = /^\/refused(\/|$)/;

/** /page-not-found/missing matches no route, so Next renders app/not-found.tsx with its own 404. */
function notFound(request: NextRequest) {
  // (Rewriting to a prerendered page instead answered 200 under cacheComponents: the cached page's
  // status wins over the rewrite's.)
  const target = request.nextUrl.clone();
  target.pathname = "/page-not-found/missing";
  target.search = "";
  return NextResponse.rewrite(target, { status: 404 });
}

function refuse(request: NextRequest, pathname: string) {
  const why = refusal({
    method: request.method,
    pathname,
    search: request.nextUrl.search,
    headers: request.headers,
  });
  if (!why) return null;
  if (why.kind === "method")
    return new NextResponse(null, {
      status: 405,
      headers: { allow: why.allow, "cache-control": "no-store" },
    });
  // A path no page can mean is not found, and a query that does not decode is a bad request, each
  // with the site's page; routes and actions get an empty 4xx.
  if (why.kind === "bad-url" && ["GET", "HEAD"].includes(request.method) && isPage(pathname))
    return wellFormedPath(pathname) ? refusalPage(request, "bad-address", 400) : notFound(request);
  return new NextResponse(null, { status: why.status, headers: { "cache-control": "no-store" } });
}

/**
 * One of the prerendered pages under app/(site)/refused, sent with `status`. Sent from the build's
 * HTML (lib/http/refusal-pages.ts): a rewrite would answer with the prerendered page's own 200. Without a
 * build (development) the rewrite shows the page, with that 200.
 */
function refusalPage(request: NextRequest, page: RefusalPage, status: number, headers: HeadersInit = {}) {
  const html = refusalPageHtml(page);
  let response: NextResponse;
  if (html !== null) {
    response = new NextResponse(request.method === "HEAD" ? null : html, {
      status,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  } else {
    const target = request.nextUrl.clone();
    target.pathname = `/refused/${page}`;
    target.search = "";
    response = NextResponse.rewrite(target, { status });
  }
  response.headers.set("cache-control", "no-store");
  for (const [name, value] of new Headers(headers)) response.headers.set(name, value);
  return response;
}

/** An over-limit search answers 429 with Retry-After (SEARCH_LIMIT_PER_MINUTE per client address). */
async function searchRefusal(request: NextRequest): Promise<NextResponse | null> {
  // A router prefetch of a result page is not a search the reader made.
  if (
    request.headers.has("next-router-prefetch") ||
    /prefetch/i.test(request.headers.get("sec-purpose") ?? "")
  )
    return null;
  const limited = await searchLimit(clientIp(request.headers), request.nextUrl.searchParams.get("q"));
  if (!limited) return null;
  return refusalPage(request, "too-many-searches", 429, {
    "retry-after": String(limited.retryAfterSeconds ?? 60),
  });
}

/**
 * A server action this build does not have: a page of an earlier deploy posting to an action whose
 * id (a hash of file and name) has changed, or a made-up id. Next would log an error with a stack;
 * here a script's post gets Next's own empty "action not found" answer (its client shows an error),
 * and a no-JavaScript form a 409 page that hands back what the reader typed.
 */
async function unknownAction(request: NextRequest, pathname: string): Promise<NextResponse | null> {
  const known = knownActionIds();
  if (!known || request.method !== "POST" || !isPage(pathname)) return null;
  const header = request.headers.get("next-action");
  if (header !== null) {
    if (known.has(header)) return null;
    return new NextResponse(null, {
      status: header.length === ACTION_ID_LENGTH ? 404 : 400,
      headers: {
        "x-nextjs-action-not-found": "1",
        "content-type": "text/plain",
        "cache-control": "no-store",
      },
    });
  }
  // A no-JavaScript form (multipart, as request-guard requires). Bodies past Next's 1 MB action limit
  // are left to Next, which refuses them with 413 without reading them all.
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!(length <= 1024 * 1024)) return null;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return new NextResponse(null, { status: 400, headers: { "cache-control": "no-store" } });
  }
  const ids = formActionIds(form);
  if (ids.every((id) => known.has(id))) return null;
  const html = staleFormPage({
    siteName: env.SITE_NAME,
    typed: typedFields(form),
    back: backPath(form, pathname + request.nextUrl.search),
  });
  return new NextResponse(html, {
    status: 409,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/** The nonce policy on the request (Next reads it there to stamp its scripts) and on the response. */
function withNonce(request: NextRequest, pathname: string) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = noncePageCsp(
    nonce,
    pathname.startsWith("/signin") ? OAUTH_ORIGINS : [],
    env.NODE_ENV === "development",
  );
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/**
 * A comment post's answer is its result alone, a couple of hundred bytes, streamed without a
 * length: Next's gzip then opens a zlib stream for every one (a tenth of a post's CPU) to send it no
 * smaller. Asked for unencoded, it is sent as it is. Answers that carry a page are still compressed.
 */
function uncompressedAnswer(request: NextRequest): NextResponse | null {
  const id = request.method === "POST" ? request.headers.get("next-action") : null;
  if (!id || !answersResultOnly(id)) return null;
  const headers = new Headers(request.headers);
  headers.set("accept-encoding", "identity");
  return NextResponse.next({ request: { headers } });
}

async function route(request: NextRequest, pathname: string): Promise<NextResponse> {
  const refused = refuse(request, pathname) ?? (await unknownAction(request, pathname));
  if (refused) return refused;
  if (REFUSAL_PAGE.test(pathname)) return notFound(request);
  if (pathname === "/search" && request.method === "GET") {
    const limited = await searchRefusal(request);
    if (limited) return limited;
  }
  if (STAFF_PAGE.test(pathname)) {
    // The staff area answers a real 404 to everyone else; its layout and every action check again.
    const staff = await isStaffSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
    if (!staff) return notFound(request);
  } else if (READER_PAGE.test(pathname)) {
    // A missing story gets a 404 with a full page and an old slug a 308, both decided before any
    // byte of the page is sent; verdicts are remembered in memory (lib/stories/dal/reader-route-cache.ts),
    // so a cached page costs no database query.
    const verdict = await readerRouteVerdict(pathname, request.nextUrl.search);
    if (verdict.kind === "redirect")
      return NextResponse.redirect(new URL(verdict.to, request.url), verdict.status);
    if (verdict.kind === "missing") return notFound(request);
  }
  if (PER_REQUEST_PAGE.test(pathname) && isPage(pathname)) return withNonce(request, pathname);
  const small = uncompressedAnswer(request);
  if (small) return small;
  // A downstream cache may keep a reader page for a second (lib/http/shared-cache.ts); Next keeps this
  // header instead of the one it derives from cacheLife.
  const cacheControl = sharedCacheControl(request.method, pathname);
  return cacheControl
    ? NextResponse.next({ headers: { "cache-control": cacheControl } })
    : NextResponse.next();
}

// Runs for every page and route (not for build assets): refuses methods and malformed URLs, answers
// unknown reader URLs, and gives per-request pages their nonce. The static security headers come
// from next.config.ts; HSTS is added here because it depends on SITE_URL at run time.
export async function proxy(request: NextRequest) {
  const response = await route(request, request.nextUrl.pathname);
  if (HSTS) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|images/|logo.png).*)"],
};
