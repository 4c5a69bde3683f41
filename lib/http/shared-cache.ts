// How long a shared cache in front of the site (nginx's micro-cache, a CDN) may keep a reader page.
// Next derives `s-maxage` from the pages' cacheLife (a minute for stories, up to 150 s for listings,
// with hours of stale-while-revalidate), which would let a CDN hide a new comment for an hour. Next's
// own cache is expired by tags the moment something changes, so the pages can keep long lifetimes
// there; downstream copies get this short header from proxy.ts instead (Next only sets Cache-Control
// when the response has none yet, and still forces `private, no-store` on errors).

/** One second shared, one more while a cache refetches; browsers always ask again. */
export const READER_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=1";

/** The front page, a story (not its per-request comment pages) and the section, tag and author listings. */
const SHARED_READER_PAGE =
  /^\/(?:|articles\/[^/]+\/?|(?:sections|tags|authors)\/[^/]+(?:\/page\/[^/]+)?\/?)$/;

/** The Cache-Control for a reader page's GET or HEAD, or null to leave the response's own. */
export function sharedCacheControl(method: string, pathname: string): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  return SHARED_READER_PAGE.test(pathname) ? READER_PAGE_CACHE_CONTROL : null;
}
