import { NextResponse, type NextRequest } from "next/server";
import { checkReaderRoute } from "@/lib/dal/reader-routes";

// Runs before the reader pages render, so a missing story gets a 404 with a full page and an old
// slug a 308, both decided before any byte of the page is sent.
export async function proxy(request: NextRequest) {
  const verdict = await checkReaderRoute(request.nextUrl.pathname);
  if (verdict.kind === "redirect") return NextResponse.redirect(new URL(verdict.to, request.url), 308);
  if (verdict.kind === "missing") {
    // Known limit (Next 16.4): under `next start -H 127.0.0.1` the rewritten page arrives with 200;
    // binding to all interfaces (the default), 0.0.0.0 or localhost keeps the 404.
    const target = request.nextUrl.clone();
    target.pathname = "/page-not-found";
    target.search = "";
    return NextResponse.rewrite(target, { status: 404 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/articles/:slug", "/sections/:slug", "/tags/:slug", "/authors/:slug"],
};
