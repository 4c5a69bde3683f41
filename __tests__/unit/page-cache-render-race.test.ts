// cache-handlers/page-cache.js without Redis (memory tier, no disk writes): a page whose render began
// before one of its tags was invalidated, and was written after, must not be served as current; nor
// one whose render joined a "use cache" fill that began before the invalidation (cache-handlers/fills.js).
import { tagsManifest } from "next/dist/server/lib/incremental-cache/tags-manifest.external";
import useCache from "@/cache-handlers/use-cache";
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
/** A render of the page at `key` with `tag` ends: Next writes it (revalidate 15 min, as a story's). */
const store = (cache: ReturnType<typeof handler>, key: string, tag: string, html: string) =>
  cache.set(key, page(tag, html), { cacheControl: { revalidate: 900 } });
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
    await store(cache, key, "comments:race", "<p>without the approved comment</p>");
    // The next reader gets a new render, which shows the comment, not the one begun before.
    expect(await cache.get(key, APP_PAGE)).toBeNull();
    await tick();
    await store(cache, key, "comments:race", "<p>with it</p>");
    expect((await cache.get(key, APP_PAGE))?.value).toMatchObject({ html: "<p>with it</p>" });
  });

  it("serves a page rendered after the invalidation, and keeps serving it", async () => {
    const cache = handler();
    const key = "/route-cache/APP_PAGE/race/$/articles/later";
    expireNow("comments:later");
    await tick();
    expect(await cache.get(key, APP_PAGE)).toBeNull();
    await store(cache, key, "comments:later", "<p>fresh</p>");
    for (let i = 0; i < 3; i++)
      expect((await cache.get(key, APP_PAGE))?.value).toMatchObject({ html: "<p>fresh</p>" });
  });

  it("does not serve a page that joined another request's fill begun before the invalidation", async () => {
    const cache = handler();
    const key = "/route-cache/APP_PAGE/race/$/articles/joined";
    // Another request begins filling the story's comments ("use cache")...
    const fill = filling("comments:joined");
    await tick();
    expireNow("comments:joined"); // ...a reader posts a comment...
    await tick();
    // ...and a render that begins after the comment joins that fill (Next forks its result).
    expect(await cache.get(key, APP_PAGE)).toBeNull();
    await fill.store();
    await store(cache, key, "comments:joined", "<p>without the new comment</p>");
    await tick();
    // The next reader gets a new render, begun after the fill was stored: it is kept.
    expect(await cache.get(key, APP_PAGE)).toBeNull();
    await tick();
    await store(cache, key, "comments:joined", "<p>with it</p>");
    expect((await cache.get(key, APP_PAGE))?.value).toMatchObject({ html: "<p>with it</p>" });
  });

  it("keeps a page whose render began after such a fill was stored, or shares no tag with it", async () => {
    const cache = handler();
    const fill = filling("comments:stored");
    await tick();
    expireNow("comments:stored");
    await fill.store();
    await tick();
    const after = "/route-cache/APP_PAGE/race/$/articles/after-the-fill";
    expect(await cache.get(after, APP_PAGE)).toBeNull();
    await store(cache, after, "comments:stored", "<p>fresh</p>");
    expect((await cache.get(after, APP_PAGE))?.value).toMatchObject({ html: "<p>fresh</p>" });

    const overlapping = filling("comments:other-story");
    await tick();
    expireNow("comments:other-story");
    await tick();
    const unrelated = "/route-cache/APP_PAGE/race/$/articles/unrelated";
    expect(await cache.get(unrelated, APP_PAGE)).toBeNull();
    await overlapping.store();
    await store(cache, unrelated, "comments:unrelated", "<p>its own</p>");
    expect((await cache.get(unrelated, APP_PAGE))?.value).toMatchObject({ html: "<p>its own</p>" });
  });

  it("stamps a cached function that read an overtaken fill with that fill's start", async () => {
    const inner = filling("comments:nested");
    await tick();
    expireNow("comments:nested");
    await tick();
    // A cached function begun after the invalidation reads the inner fill: it carries its tag.
    const outer = filling("comments:nested", "outer-" + Math.random());
    await inner.store();
    await outer.store();
    expect(await useCache.get(outer.key, [])).toBeUndefined();
    // One begun after it all (not within the same millisecond) is served.
    await tick();
    const later = filling("comments:nested", "later-" + Math.random());
    await later.store();
    expect(await useCache.get(later.key, [])).toMatchObject({ tags: ["comments:nested"] });
  });
});

/**
 * A "use cache" fill begun now with `tag`, as Next hands it to cache-handlers/use-cache.js: the entry
 * (stamped with its start) is known at once, and `store()` finishes it.
 */
function filling(tag: string, key = `fill-${tag}-${Math.random()}`) {
  const timestamp = Math.floor(performance.timeOrigin + performance.now());
  let finish: () => void = () => undefined;
  const value = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("comments"));
      finish = () => controller.close();
    },
  });
  const entry = { value, tags: [tag], stale: 300, timestamp, expire: 3600, revalidate: 60 };
  const stored = useCache.set(key, Promise.resolve(entry));
  return {
    key,
    store: async () => {
      finish();
      await stored;
    },
  };
}
