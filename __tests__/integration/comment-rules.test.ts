// The moderation rules as a reader meets them through createComment: where a comment lands, and what
// the author is told. The rules themselves are tested one by one in moderation-rules tests.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildUser } from "@/lib/comments/builders";
import { createCommentRateLimiter } from "@/lib/comments/rate-limit";
import { createComment } from "@/lib/comments/dal/writes";
import { countComments, listCommentPage } from "@/lib/comments/dal/comments";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const limiter = createCommentRateLimiter({ store: "memory", perMinute: 10_000, perDay: 10_000 });
let n = 0;
const post = (actor: string, articleId: string, body = `A remark, number ${++n}`) =>
  createComment(actor, { articleId, body }, { limiter });
const settings = (data: Record<string, unknown>) =>
  db.siteSettings.upsert({ where: { id: "site" }, create: data, update: data });

let reader: string;
beforeAll(async () => {
  reader = (await buildUser(db, { name: "Rules Reader" })).id;
});
afterEach(() =>
  settings({ premoderation: "OFF", suspectWords: "", bannedWords: "", maxLinks: 2, autoCloseDays: null }),
);

it("holds every comment under site pre-moderation, says so, and keeps it out of the public list", async () => {
  const story = (await importArticle(db, buildArticleInput())).id;
  await settings({ premoderation: "ALL" });
  const result = await post(reader, story);
  expect(result).toMatchObject({ ok: true, status: "PENDING" });
  if (!result.ok) return;
  expect(result.message).toMatch(/moderator/);
  expect(await db.comment.findUniqueOrThrow({ where: { id: result.commentId } })).toMatchObject({
    status: "PENDING",
    moderationReason: "premoderate:site",
  });
  expect(await countComments(story)).toBe(0);
  expect((await listCommentPage(story)).threads).toHaveLength(0);
});

it("stores a banned-word comment as REJECTED and refuses it with a neutral message", async () => {
  const story = (await importArticle(db, buildArticleInput())).id;
  await settings({ bannedWords: "scoundrel" });
  const result = await post(reader, story, "You are a SCOUNDREL, sir.");
  expect(result).toMatchObject({ ok: false, code: "rejected" });
  if (result.ok) return;
  expect(result.message).not.toMatch(/scoundrel/i);
  const row = await db.comment.findFirstOrThrow({ where: { articleId: story } });
  expect(row).toMatchObject({ status: "REJECTED", moderationReason: expect.stringContaining("banned") });
});

it("holds a comment with more links than allowed", async () => {
  const story = (await importArticle(db, buildArticleInput())).id;
  const body = "See https://a.example, https://b.example and https://c.example for more.";
  expect(await post(reader, story, body)).toMatchObject({ ok: true, status: "PENDING" });
});

it("refuses a second comment inside the story's slow-mode window, with the wait", async () => {
  const story = (await importArticle(db, buildArticleInput())).id;
  await db.article.update({ where: { id: story }, data: { slowModeSeconds: 120 } });
  expect(await post(reader, story)).toMatchObject({ ok: true });
  const second = await post(reader, story);
  expect(second).toMatchObject({ ok: false, code: "rate_limited" });
  if (second.ok) return;
  expect(second.retryAfterSeconds).toBeGreaterThan(100);
  expect(second.message).toMatch(/slow mode/i);
});

it("refuses comments once a story is past its auto-close age", async () => {
  const story = (await importArticle(db, buildArticleInput())).id;
  await db.article.update({
    where: { id: story },
    data: { publishedAt: new Date(Date.now() - 10 * 24 * 3600 * 1000), autoCloseDays: 7 },
  });
  expect(await post(reader, story)).toMatchObject({ ok: false, code: "closed" });
});

// createComment hands the rules the story, settings and role it has already read; the author's own
// flags are not among them and must still be read at the moment of posting.
it("routes by the story's own pre-moderation and the reader's own flags, set just before posting", async () => {
  const story = (await importArticle(db, buildArticleInput())).id;
  const flagged = (await buildUser(db)).id;
  const stored = async (result: Awaited<ReturnType<typeof post>>) =>
    result.ok ? db.comment.findUniqueOrThrow({ where: { id: result.commentId } }) : result;

  await db.user.update({ where: { id: flagged }, data: { premoderate: true } });
  expect(await stored(await post(flagged, story))).toMatchObject({
    status: "PENDING",
    moderationReason: "premoderate:user",
  });
  await db.user.update({ where: { id: flagged }, data: { premoderate: false, shadowBanned: true } });
  expect(await stored(await post(flagged, story))).toMatchObject({
    status: "PUBLISHED",
    moderationReason: "shadow-ban",
  });
  await db.article.update({ where: { id: story }, data: { premoderation: "ALL" } });
  expect(await stored(await post(reader, story))).toMatchObject({
    status: "PENDING",
    moderationReason: "premoderate:article",
  });
});

it("lets staff past slow mode and pre-moderation", async () => {
  const story = (await importArticle(db, buildArticleInput())).id;
  const moderator = (await buildUser(db, { role: "MODERATOR" })).id;
  await db.article.update({ where: { id: story }, data: { slowModeSeconds: 300, premoderation: "ALL" } });
  expect(await post(moderator, story)).toMatchObject({ ok: true, status: "PUBLISHED" });
  expect(await post(moderator, story)).toMatchObject({ ok: true, status: "PUBLISHED" });
  expect(await post(reader, story)).toMatchObject({ ok: true, status: "PENDING" });
  expect(await post(reader, story)).toMatchObject({ ok: false, code: "rate_limited" });
});
