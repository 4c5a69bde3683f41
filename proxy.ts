import { NextResponse, type NextRequest } from "next/server";
import { readerRouteVerdict } from "@/lib/dal/reader-routes";
import { isStaffSessionToken } from "@/lib/dal/staff-session";
import { sessionCookieName } from "@/lib/auth-pages";
import { env } from "@/lib/env";

const SESSION_COOKIE = sessionCookieName(env.SITE_URL);

/** /page-not-found/missing matches no route, so Next renders app/not-found.tsx with its own 404. */
function notFound(request: NextRequest) {
  // (Rewriting to a prerendered page instead answered 200 under cacheComponents: the cached page's
  // status wins over the rewrite's.)
  const target = request.nextUrl.clone();
  target.pathname = "/page-not-found/missing";
  target.search = "";
  return NextResponse.rewrite(target, { status: 404 });
}

// Runs before the reader pages render, so a missing story gets a 404 with a full page and an old
// slug a 308, both decided before any byte of the page is sent. Verdicts are remembered in memory
// (lib/dal/reader-route-cache.ts) so a cached page costs no database query.
export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === "/moderation" || request.nextUrl.pathname.startsWith("/moderation/")) {
    // The staff area answers a real 404 to everyone else; its layout and every action check again.
    const staff = await isStaffSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
    return staff ? NextResponse.next() : notFound(request);
  }
  const verdict = await readerRouteVerdict(request.nextUrl.pathname, request.nextUrl.search);
  if (verdict.kind === "redirect")
    return NextResponse.redirect(new URL(verdict.to, request.url), verdict.status);
  if (verdict.kind === "missing") return notFound(request);
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/moderation",
    "/moderation/:path*",
    "/articles/:slug",
    // Its comments, reply, edit and report pages and its image answer 404 with it once it is unpublished.
    "/articles/:slug/:path*",
    "/sections/:slug",
    "/tags/:slug",
    "/authors/:slug",
    "/sections/:slug/page/:cursor",
    "/tags/:slug/page/:cursor",
    "/authors/:slug/page/:cursor",
  ],
};
