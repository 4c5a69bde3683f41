// cache-handlers/page-cache.js against a real Redis (TEST_REDIS_URL): an entry one instance writes is
// read back by another whole — Buffers as Buffers, Maps as Maps — with a TTL, and not once its tags
// were invalidated. Two handlers without a memory tier and without disk writes stand for two instances.
import type Redis from "ioredis";
import { tagsManifest } from "next/dist/server/lib/incremental-cache/tags-manifest.external";
import { pageCacheHandler } from "@/__tests__/support/page-cache";
import { connectTestRedis, describeWithRedis } from "@/__tests__/support/redis";
import { closeSharedRedis, sharedRedis } from "@/cache-handlers/redis";

const PREFIX = `page-cache-test-${process.pid}:`;

/** A handler as one instance has it, without the memory tier and without disk writes. */
const instance = () => pageCacheHandler();

describeWithRedis("the page cache in Redis", () => {
  let redis: Redis;

  beforeAll(async () => {
    redis = await connectTestRedis();
    process.env.REDIS_URL = process.env.TEST_REDIS_URL;
    process.env.REDIS_KEY_PREFIX = PREFIX;
    const client = sharedRedis()!;
    if (client.status !== "ready") await new Promise((r) => client.once("ready", r));
  });

  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    await closeSharedRedis();
    redis.disconnect();
    delete process.env.REDIS_URL;
    delete process.env.REDIS_KEY_PREFIX;
  });

  it("a page written by one instance is read whole by another, with a TTL", async () => {
    const page = {
      kind: "APP_PAGE",
      html: "<h1>Ferry fares — frozen</h1>",
      rscData: Buffer.from([0, 1, 2, 254, 255]),
      segmentData: new Map([
        ["/_tree", Buffer.from("tree")],
        ["/_full", Buffer.alloc(0)],
      ]),
      headers: { "x-next-cache-tags": "story:one,_N_T_/layout" },
      status: 200,
      postponed: "postponed-state",
    };
    const key = "/route-cache/APP_PAGE/abc/$/articles/one";
    await instance().set(key, page, { cacheControl: { revalidate: 900, expire: 3600 } });
    const read = await instance().get(key, { kind: "APP_PAGE" });
    expect(read?.value).toEqual(page);
    const value = read!.value as typeof page;
    expect(Buffer.isBuffer(value.rscData)).toBe(true);
    expect(value.segmentData).toBeInstanceOf(Map);
    expect(Buffer.isBuffer(value.segmentData.get("/_tree"))).toBe(true);
    const [stored] = await redis.keys(`${PREFIX}cache:page:*`);
    const ttl = await redis.ttl(stored);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);

    // A route handler's body is bytes too.
    const route = { kind: "APP_ROUTE", body: Buffer.from("<rss/>"), headers: {}, status: 200 };
    await instance().set("/route-cache/APP_ROUTE/def/$/feed.xml", route, {
      cacheControl: { revalidate: 60 },
    });
    expect(
      (await instance().get("/route-cache/APP_ROUTE/def/$/feed.xml", { kind: "APP_ROUTE" }))?.value,
    ).toEqual(route);
  });

  it("an entry whose tags were invalidated after it was written is not served", async () => {
    const key = "/route-cache/APP_PAGE/abc/$/articles/two";
    const page = {
      kind: "APP_PAGE",
      html: "<h1>Two</h1>",
      headers: { "x-next-cache-tags": "story:two" },
      status: 200,
    };
    await instance().set(key, page, { cacheControl: { revalidate: 900 } });
    expect((await instance().get(key, { kind: "APP_PAGE" }))?.value).toEqual(page);
    await new Promise((r) => setTimeout(r, 5));
    tagsManifest.set("story:two", { expired: Date.now() });
    expect(await instance().get(key, { kind: "APP_PAGE" })).toBeNull();
  });

  it("a page over 2 MB stays with the instance that rendered it", async () => {
    const key = "/route-cache/APP_PAGE/abc/$/articles/huge";
    const page = { kind: "APP_PAGE", html: "x".repeat(2 * 1024 * 1024 + 1), headers: {}, status: 200 };
    await instance().set(key, page, { cacheControl: { revalidate: 900 } });
    expect(await instance().get(key, { kind: "APP_PAGE" })).toBeNull();
  });
});
