// cache-handlers/page-cache.js without Redis (memory tier, no disk writes): a page whose render began
// before one of its tags was invalidated, and was written after, must not be served as current.
import { tagsManifest } from "next/dist/server/lib/incremental-cache/tags-manifest.external";
import { pageCacheHandler } from "@/__tests__/support/page-cache";

const handler = () => pageCacheHandler(10 * 1024 * 1024);
const tick = () => new Promise((r) => setTimeout(r, 5));
const page = (tag: string, html: string) => ({
  kind: "APP_PAGE",
  html,
  headers: { "x-next-cache-tags": tag },
  status: 200,
});
const APP_PAGE = { kind: "APP_PAGE" };
const expireNow = (tag: string) =>
  tagsManifest.set(tag, { expired: Math.floor(performance.timeOrigin + performance.now()) });

describe("the page cache and a render that outlives an invalidation", () => {
  it("does not serve a page whose render began before its tag was invalidated", async () => {
    const cache = handler();
    const key = "/route-cache/APP_PAGE/race/$/articles/approved";
    expect(await cache.get(key, APP_PAGE)).toBeNull(); // nothing: a render begins
    await tick();
    expireNow("comments:race"); // a moderator approves a comment while it renders
    await tick();
    await cache.set(key, page("comments:race", "<p>without the approved comment</p>"), {
      cacheControl: { revalidate: 900 },
    });
    // The next reader gets a new render, which shows the comment, not the one begun before.
    expect(await cache.get(key, APP_PAGE)).toBeNull();
    await tick();
    await cache.set(key, page("comments:race", "<p>with it</p>"), { cacheControl: { revalidate: 900 } });
    expect((await cache.get(key, APP_PAGE))?.value).toMatchObject({ html: "<p>with it</p>" });
  });

  it("serves a page rendered after the invalidation, and keeps serving it", async () => {
    const cache = handler();
    const key = "/route-cache/APP_PAGE/race/$/articles/later";
    expireNow("comments:later");
    await tick();
    expect(await cache.get(key, APP_PAGE)).toBeNull();
    await cache.set(key, page("comments:later", "<p>fresh</p>"), { cacheControl: { revalidate: 900 } });
    for (let i = 0; i < 3; i++)
      expect((await cache.get(key, APP_PAGE))?.value).toMatchObject({ html: "<p>fresh</p>" });
  });
});
