import { NextResponse, type NextRequest } from "next/server";
import { readerRouteVerdict } from "@/lib/dal/reader-routes";
import { isStaffSessionToken } from "@/lib/dal/staff-session";
import { sessionCookieName } from "@/lib/auth-pages";
import { env } from "@/lib/env";
import { isPage, refusal } from "@/lib/request-guard";
import { hstsFor, noncePageCsp } from "@/lib/security-headers";
import { sharedCacheControl } from "@/lib/shared-cache";

const SESSION_COOKIE = sessionCookieName(env.SITE_URL);
const HSTS = hstsFor(env.SITE_URL);

/** Pages rendered for each request (they read the session): the only ones a nonce can reach. */
const PER_REQUEST_PAGE = /^\/(account|signin|moderation)(\/|$)|^\/articles\/[^/]+\/comments(\/|$)/;
/** Staff pages: a real 404 for everyone else, decided here. */
const STAFF_PAGE = /^\/moderation(\/|$)/;
/** Pages whose URL names a story, section, tag or author (lib/dal/reader-routes.ts). */
// A story and everything under it (comments, reply, edit, report, image: 404 with it once unpublished),
// and the listings and their pages.
const READER_PAGE = /^\/(?:articles\/[^/]+(?:\/.*)?|(?:sections|tags|authors)\/[^/]+(?:\/page\/[^/]+)?\/?)$/;

// Where the sign-in page's no-JavaScript provider forms are redirected (form-action covers redirects).
const OAUTH_ORIGINS = [
  ...(env.AUTH_GITHUB_ID ? ["https://github.com"] : []),
  ...(env.AUTH_GOOGLE_ID ? ["https://accounts.google.com"] : []),
  ...(env.AUTH_OIDC_ISSUER ? [new URL(env.AUTH_OIDC_ISSUER).origin] : []),
];

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
  // A URL no page can mean is not found, with the site's page; routes and actions get an empty 4xx.
  if (why.kind === "bad-url" && request.method === "GET" && isPage(pathname)) return notFound(request);
  return new NextResponse(null, { status: why.status, headers: { "cache-control": "no-store" } });
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

async function route(request: NextRequest, pathname: string): Promise<NextResponse> {
  const refused = refuse(request, pathname);
  if (refused) return refused;
  if (STAFF_PAGE.test(pathname)) {
    // The staff area answers a real 404 to everyone else; its layout and every action check again.
    const staff = await isStaffSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
    if (!staff) return notFound(request);
  } else if (READER_PAGE.test(pathname)) {
    // A missing story gets a 404 with a full page and an old slug a 308, both decided before any
    // byte of the page is sent; verdicts are remembered in memory (lib/dal/reader-route-cache.ts),
    // so a cached page costs no database query.
    const verdict = await readerRouteVerdict(pathname, request.nextUrl.search);
    if (verdict.kind === "redirect")
      return NextResponse.redirect(new URL(verdict.to, request.url), verdict.status);
    if (verdict.kind === "missing") return notFound(request);
  }
  if (PER_REQUEST_PAGE.test(pathname) && isPage(pathname)) return withNonce(request, pathname);
  // A downstream cache may keep a reader page for a second (lib/shared-cache.ts); Next keeps this
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
