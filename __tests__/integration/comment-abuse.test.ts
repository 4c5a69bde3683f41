// Abuse controls on a real database: double submits (idempotency key), repeated text, and the per-user
// limits in each store. Redis runs when TEST_REDIS_URL names a server (redis://127.0.0.1:6379).
import type Redis from "ioredis";
import { connectTestRedis, describeWithRedis, testRedisUrl } from "../support/redis";
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { createCommentRateLimiter, waitPhrase, type CommentRateLimiter } from "@/lib/comments/rate-limit";
import { createComment } from "@/lib/comments/dal/writes";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const loose = createCommentRateLimiter({ store: "memory", perMinute: 10_000, perDay: 10_000 });
let story: string;
beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput())).id;
});

let n = 0;
const post = (
  actor: string,
  limiter: CommentRateLimiter,
  extra: { body?: string; idempotencyKey?: string } = {},
) => createComment(actor, { articleId: story, body: `Remark ${++n}`, ...extra }, { limiter });
const backdate = (authorId: string, ms: number) =>
  db.comment.updateMany({ where: { authorId }, data: { createdAt: new Date(Date.now() - ms) } });

describe("double submits", () => {
  it("returns the first comment for a repeated idempotency key, without a copy", async () => {
    const reader = await buildUser(db);
    const first = await post(reader.id, loose, { body: "Once only", idempotencyKey: "form-key-0001" });
    const again = await post(reader.id, loose, { body: "Once only", idempotencyKey: "form-key-0001" });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    if (!first.ok || !again.ok) return;
    expect(again.commentId).toBe(first.commentId);
    // The same answer as the first submit's, its story's slug included (read only for a repeat).
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await db.comment.count({ where: { authorId: reader.id } })).toBe(1);
  });

  it.each(["memory", "database"] as const)(
    "stores one comment when ten submits with one key race (%s limits)",
    async (store) => {
      const reader = await buildUser(db);
      const limiter = createCommentRateLimiter({ store, perMinute: 50, perDay: 50 });
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          post(reader.id, limiter, { body: "Click", idempotencyKey: `race-${store}-key` }),
        ),
      );
      const ids = new Set(results.map((r) => (r.ok ? r.commentId : r.code)));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
      expect(await db.comment.count({ where: { authorId: reader.id } })).toBe(1);
    },
  );

  it("keeps keys per author: another reader's key does not collide", async () => {
    const [a, b] = [await buildUser(db), await buildUser(db)];
    const ra = await post(a.id, loose, { idempotencyKey: "shared-key-01" });
    const rb = await post(b.id, loose, { idempotencyKey: "shared-key-01" });
    expect(ra.ok && rb.ok && ra.commentId !== rb.commentId).toBe(true);
  });
});

describe("repeated text", () => {
  it("refuses the same text from the same reader within ten minutes, on any story", async () => {
    const reader = await buildUser(db);
    const elsewhere = (await importArticle(db, buildArticleInput())).id;
    expect(await post(reader.id, loose, { body: "Buy cheap watches" })).toMatchObject({ ok: true });
    const again = await createComment(
      reader.id,
      { articleId: elsewhere, body: " Buy cheap watches\n" },
      { limiter: loose },
    );
    expect(again).toMatchObject({
      ok: false,
      code: "repeated_text",
      fieldErrors: { body: [expect.any(String)] },
    });
    // Another reader may say the same thing.
    expect(await post((await buildUser(db)).id, loose, { body: "Buy cheap watches" })).toMatchObject({
      ok: true,
    });
  });

  it("answers a resubmit by its key even among repeats of its text, and a closed story before a repeat", async () => {
    const reader = await buildUser(db);
    const first = await post(reader.id, loose, { body: "Same words", idempotencyKey: "key-first-0001" });
    // Older repeats of the text, stored under other keys (backdated copies, as a second tab might leave).
    for (const k of ["key-other-0001", "key-other-0002"])
      await buildComment(db, {
        articleId: story,
        authorId: reader.id,
        body: "Same words",
        idempotencyKey: k,
      });
    expect(
      await post(reader.id, loose, { body: "Same words", idempotencyKey: "key-new-00001" }),
    ).toMatchObject({
      ok: false,
      code: "repeated_text",
    });
    const again = await post(reader.id, loose, { body: "Same words", idempotencyKey: "key-first-0001" });
    expect(first.ok && again).toMatchObject({
      ok: true,
      duplicate: true,
      commentId: first.ok && first.commentId,
    });
    const closed = (await importArticle(db, buildArticleInput({ commentsClosed: true }))).id;
    expect(
      await createComment(reader.id, { articleId: closed, body: "Same words" }, { limiter: loose }),
    ).toMatchObject({ ok: false, code: "closed" });
  });

  it("allows it again after ten minutes, or once the first was deleted", async () => {
    const reader = await buildUser(db);
    await post(reader.id, loose, { body: "Agreed." });
    await backdate(reader.id, 10 * 60_000 + 1000);
    expect(await post(reader.id, loose, { body: "Agreed." })).toMatchObject({ ok: true });
    await db.comment.updateMany({ where: { authorId: reader.id }, data: { status: "DELETED", body: "" } });
    expect(await post(reader.id, loose, { body: "Agreed." })).toMatchObject({ ok: true });
  });
});

describe("rate limits", () => {
  it("phrases the wait a reader can act on", () => {
    expect(waitPhrase(40_000)).toBe("40 seconds");
    expect(waitPhrase(1)).toBe("1 second");
    expect(waitPhrase(60_000)).toBe("60 seconds");
    expect(waitPhrase(61_000)).toBe("2 minutes");
    expect(waitPhrase(5 * 3_600_000 - 1)).toBe("5 hours");
  });

  it.each(["memory", "database"] as const)(
    "refuses a flood past the limit per minute (%s)",
    async (store) => {
      const reader = await buildUser(db);
      const limiter = createCommentRateLimiter({ store, perMinute: 3, perDay: 100 });
      for (let i = 0; i < 3; i++) expect(await post(reader.id, limiter)).toMatchObject({ ok: true });
      const refused = await post(reader.id, limiter);
      expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
      if (refused.ok) return;
      expect(refused.message).toMatch(
        /^You are posting faster than we allow\. You can post again in \d+ seconds?\.$/,
      );
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(await db.comment.count({ where: { authorId: reader.id } })).toBe(3);
      // Other readers are not affected.
      expect(await post((await buildUser(db)).id, limiter)).toMatchObject({ ok: true });
    },
  );

  it.each(["memory", "database"] as const)("refuses a flood past the limit per day (%s)", async (store) => {
    const reader = await buildUser(db);
    const limiter = createCommentRateLimiter({ store, perMinute: 100, perDay: 4 });
    for (let i = 0; i < 4; i++) expect(await post(reader.id, limiter)).toMatchObject({ ok: true });
    const refused = await post(reader.id, limiter);
    expect(refused).toMatchObject({
      ok: false,
      code: "rate_limited",
      message: "You have reached the limit of 4 comments a day. You can post again in 24 hours.",
    });
    expect(await db.comment.count({ where: { authorId: reader.id } })).toBe(4);
  });

  it("database store: counts a sliding window of the reader's own comments", async () => {
    const reader = await buildUser(db);
    const limiter = createCommentRateLimiter({ store: "database", perMinute: 2, perDay: 3 });
    await buildComment(db, { articleId: story, authorId: reader.id });
    await buildComment(db, { articleId: story, authorId: reader.id });
    expect(await post(reader.id, limiter)).toMatchObject({ code: "rate_limited" });
    await backdate(reader.id, 2 * 3_600_000);
    // Out of the minute window, still inside the day: one more fits, then the day is full until the
    // oldest ages out (22 hours from now).
    expect(await post(reader.id, limiter)).toMatchObject({ ok: true });
    expect(await post(reader.id, limiter)).toMatchObject({
      ok: false,
      message: "You have reached the limit of 3 comments a day. You can post again in 22 hours.",
    });
  });

  it("database store: exact under a concurrent flood", async () => {
    const reader = await buildUser(db);
    const limiter = createCommentRateLimiter({ store: "database", perMinute: 5, perDay: 100 });
    const results = await Promise.all(Array.from({ length: 20 }, () => post(reader.id, limiter)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "rate_limited")).toHaveLength(15);
    expect(await db.comment.count({ where: { authorId: reader.id } })).toBe(5);
  });

  it("a write that fails gives its place back", async () => {
    const limiter = createCommentRateLimiter({ store: "memory", perMinute: 1, perDay: 1 });
    await expect(
      limiter.withinLimit("someone", async () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    expect(await limiter.withinLimit("someone", async () => "stored")).toEqual({ ok: true, value: "stored" });
    expect(await limiter.withinLimit("someone", async () => "again")).toMatchObject({ ok: false });
  });
});

const redisUrl = testRedisUrl ?? undefined;
describeWithRedis("rate limits in Redis", () => {
  const prefix = `test-comments-${process.pid}-${Date.now()}`;
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectTestRedis();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("shares one reader's count between server instances", async () => {
    const reader = await buildUser(db);
    // Two limiters on separate connections stand for two app instances.
    const one = createCommentRateLimiter({
      store: "redis",
      redisUrl,
      perMinute: 3,
      perDay: 100,
      keyPrefix: prefix,
    });
    const two = createCommentRateLimiter({
      store: "redis",
      redisUrl,
      perMinute: 3,
      perDay: 100,
      keyPrefix: prefix,
    });
    try {
      await redis.ping();
      await new Promise((r) => setTimeout(r, 200)); // let both connections become ready
      expect(await post(reader.id, one)).toMatchObject({ ok: true });
      expect(await post(reader.id, two)).toMatchObject({ ok: true });
      expect(await post(reader.id, one)).toMatchObject({ ok: true });
      const refused = await post(reader.id, two);
      expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
      expect(await redis.exists(`${prefix}:minute:${reader.id}`)).toBe(1);
      expect(await db.comment.count({ where: { authorId: reader.id } })).toBe(3);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it("refuses past the daily limit and gives back the place of a failed write", async () => {
    const limiter = createCommentRateLimiter({
      store: "redis",
      redis,
      perMinute: 100,
      perDay: 2,
      keyPrefix: prefix,
    });
    await expect(limiter.withinLimit("r1", async () => Promise.reject(new Error("boom")))).rejects.toThrow();
    expect(await limiter.withinLimit("r1", async () => 1)).toEqual({ ok: true, value: 1 });
    expect(await limiter.withinLimit("r1", async () => 2)).toEqual({ ok: true, value: 2 });
    const refused = await limiter.withinLimit("r1", async () => 3);
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringContaining("limit of 2 comments a day"),
    });
  });
});
