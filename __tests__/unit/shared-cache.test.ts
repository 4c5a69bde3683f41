import { READER_PAGE_CACHE_CONTROL, sharedCacheControl } from "@/lib/http/shared-cache";

describe("sharedCacheControl", () => {
  test.each(["/", "/articles/a-story", "/sections/city", "/tags/harbour/page/abc", "/authors/mara-quist/"])(
    "%s: a second in a shared cache",
    (path) => {
      expect(sharedCacheControl("GET", path)).toBe(READER_PAGE_CACHE_CONTROL);
      expect(sharedCacheControl("HEAD", path)).toBe(READER_PAGE_CACHE_CONTROL);
    },
  );

  test.each([
    "/articles/a-story/comments",
    "/articles/a/comments/c/reply",
    "/account",
    "/search",
    "/api/viewer",
    "/moderation",
  ])("%s: left to the response (per-reader, or not a reader page)", (path) =>
    expect(sharedCacheControl("GET", path)).toBeNull(),
  );

  test("a post (a server action) is never marked shareable", () => {
    expect(sharedCacheControl("POST", "/articles/a-story")).toBeNull();
  });

  test("allows at most two seconds of shared caching, and none in the browser", () => {
    expect(READER_PAGE_CACHE_CONTROL).toMatch(/\bmax-age=0\b/);
    const s = Number(/s-maxage=(\d+)/.exec(READER_PAGE_CACHE_CONTROL)?.[1]);
    const swr = Number(/stale-while-revalidate=(\d+)/.exec(READER_PAGE_CACHE_CONTROL)?.[1] ?? 0);
    expect(s + swr).toBeLessThanOrEqual(2);
  });
});
