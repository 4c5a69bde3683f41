// The session layer (Auth.js, ESM-only) is not under test: every DAL call here names its actor.
jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

import {
  checkSlowMode,
  commentingStatus,
  decideNewComment,
  type NewCommentContext,
} from "@/lib/moderation/dal/rules";
import { getSiteSettings, updateSiteSettings } from "@/lib/moderation/dal/settings";
import { makeComment, makeStory, makeUser, testDb } from "../support/moderation-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

let story = "";
let reader = "";
let admin = "";

async function settings(data: object) {
  await db.siteSettings.upsert({ where: { id: "site" }, create: { id: "site", ...data }, update: data });
}

beforeAll(async () => {
  story = await makeStory(db);
  reader = await makeUser(db);
  admin = await makeUser(db, { role: "ADMIN" });
});
beforeEach(async () => {
  await db.siteSettings.deleteMany();
  await db.article.update({
    where: { id: story },
    data: { premoderation: null, slowModeSeconds: null, autoCloseDays: null, commentsClosed: false },
  });
  await db.user.update({ where: { id: reader }, data: { premoderate: false, shadowBanned: false } });
  await db.comment.deleteMany();
});

const decideFor = (body: string, authorId = reader, articleId = story) =>
  decideNewComment({ authorId, articleId, body });

describe("decideNewComment", () => {
  it("uses the defaults when no settings row exists: publish, hold at 3+ links", async () => {
    expect(await getSiteSettings()).toMatchObject({ premoderation: "OFF", maxLinks: 2, reportThreshold: 3 });
    expect(await decideFor("Nice piece.")).toEqual({ status: "PUBLISHED", reason: null });
    expect(await decideFor("a.com b.com")).toMatchObject({ status: "PUBLISHED" });
    expect(await decideFor("https://a.test/1 https://a.test/2 https://a.test/3")).toMatchObject({
      status: "PENDING",
      reason: "links:3",
    });
  });

  it("holds every comment with ALL, and a story's OFF overrides it", async () => {
    await settings({ premoderation: "ALL" });
    expect(await decideFor("hi")).toMatchObject({ status: "PENDING", reason: "premoderate:site" });
    await db.article.update({ where: { id: story }, data: { premoderation: "OFF" } });
    expect(await decideFor("hi")).toMatchObject({ status: "PUBLISHED" });
  });

  it("holds a new reader's first N comments with NEW_USERS, counting their published ones", async () => {
    await settings({ premoderation: "NEW_USERS", premoderateFirstN: 2 });
    expect(await decideFor("first")).toMatchObject({
      status: "PENDING",
      reason: "premoderate:new-user:site",
    });
    await makeComment(db, { articleId: story, authorId: reader, status: "PUBLISHED" });
    await makeComment(db, { articleId: story, authorId: reader, status: "REJECTED" });
    expect(await decideFor("second")).toMatchObject({ status: "PENDING" });
    await makeComment(db, { articleId: story, authorId: reader, status: "PUBLISHED" });
    expect(await decideFor("third")).toMatchObject({ status: "PUBLISHED" });
  });

  it("counts a reader's published comments when only the story says NEW_USERS, and not past N", async () => {
    await settings({ premoderation: "OFF", premoderateFirstN: 1 });
    await db.article.update({ where: { id: story }, data: { premoderation: "NEW_USERS" } });
    expect(await decideFor("first")).toMatchObject({
      status: "PENDING",
      reason: "premoderate:new-user:article",
    });
    for (let i = 0; i < 3; i++)
      await makeComment(db, { articleId: story, authorId: reader, status: "PUBLISHED" });
    expect(await decideFor("fourth")).toEqual({ status: "PUBLISHED", reason: null });
    const other = await makeStory(db);
    expect(await decideFor("elsewhere", reader, other)).toEqual({ status: "PUBLISHED", reason: null });
    expect(await decideFor("newcomer elsewhere", await makeUser(db), other)).toEqual({
      status: "PUBLISHED",
      reason: null,
    });
  });

  it("holds a story's comments when the story says ALL", async () => {
    await db.article.update({ where: { id: story }, data: { premoderation: "ALL" } });
    expect(await decideFor("hi")).toMatchObject({ status: "PENDING", reason: "premoderate:article" });
  });

  it("holds a premoderated user and marks a shadow-banned one", async () => {
    await db.user.update({ where: { id: reader }, data: { premoderate: true } });
    expect(await decideFor("hi")).toMatchObject({ status: "PENDING", reason: "premoderate:user" });
    await db.user.update({ where: { id: reader }, data: { premoderate: false, shadowBanned: true } });
    expect(await decideFor("hi")).toEqual({ status: "PUBLISHED", reason: "shadow-ban" });
  });

  it("applies word lists saved through the settings, accent- and case-insensitively", async () => {
    const saved = await updateSiteSettings(admin, {
      premoderation: "OFF",
      premoderateFirstN: "1",
      maxLinks: "1",
      suspectWords: "idiot\ncrooked council",
      bannedWords: "fraudster",
      reportThreshold: "3",
      autoCloseDays: "",
    });
    expect(saved).toEqual({ ok: true });
    expect(await decideFor("The CROOKED   council again")).toMatchObject({
      status: "PENDING",
      reason: "suspect-word:crooked council",
    });
    expect(await decideFor("Idióts")).toMatchObject({ status: "PUBLISHED" });
    expect(await decideFor("What an ÍDIOT")).toMatchObject({ status: "PENDING" });
    const banned = await decideFor("He is a Fraudster.");
    expect(banned).toMatchObject({ status: "REJECTED", reason: "banned-word:fraudster" });
    expect(banned.message).toMatch(/community rules/);
    expect(await decideFor("a.com b.com")).toMatchObject({ status: "PENDING", reason: "links:2" });
  });

  it("lets staff through", async () => {
    await settings({ premoderation: "ALL", bannedWords: "fraudster" });
    expect(await decideFor("fraudster", admin)).toEqual({ status: "PUBLISHED", reason: null });
  });

  it("takes the story and settings from a context, and still reads the author", async () => {
    const context: NewCommentContext = {
      author: { role: "READER" },
      article: { premoderation: null, slowModeSeconds: null },
      settings: { ...(await getSiteSettings()), bannedWords: "fraudster" },
    };
    const decideWith = (body: string, ctx = context) =>
      decideNewComment({ authorId: reader, articleId: story, body }, ctx);
    expect(await decideWith("He is a fraudster")).toMatchObject({ status: "REJECTED" });
    // The story row says ALL, the context (read earlier in the request) does not: the context wins.
    await db.article.update({ where: { id: story }, data: { premoderation: "ALL" } });
    expect(await decideWith("hi")).toEqual({ status: "PUBLISHED", reason: null });
    const held: NewCommentContext = { ...context, article: { premoderation: "ALL", slowModeSeconds: null } };
    expect(await decideWith("hi", held)).toMatchObject({ status: "PENDING", reason: "premoderate:article" });
    await db.user.update({ where: { id: reader }, data: { shadowBanned: true } });
    expect(await decideWith("hi")).toEqual({ status: "PUBLISHED", reason: "shadow-ban" });
    expect(await decideNewComment({ authorId: "gone", articleId: story, body: "hi" }, context)).toEqual({
      status: "PENDING",
      reason: "missing-context",
    });
  });
});

describe("checkSlowMode", () => {
  it("is off without slow mode, and waits the rest of the interval with it", async () => {
    const now = new Date();
    await makeComment(db, {
      articleId: story,
      authorId: reader,
      createdAt: new Date(now.getTime() - 20_000),
    });
    expect(await checkSlowMode(reader, story, now)).toBeNull();
    await db.article.update({ where: { id: story }, data: { slowModeSeconds: 60 } });
    expect(await checkSlowMode(reader, story, now)).toEqual({ retryAfterSeconds: 40 });
    expect(await checkSlowMode(reader, story, new Date(now.getTime() + 40_000))).toBeNull();
  });

  it("counts held comments, only on this story, and never for staff", async () => {
    const other = await makeStory(db);
    await db.article.update({ where: { id: story }, data: { slowModeSeconds: 300 } });
    await makeComment(db, { articleId: other, authorId: reader });
    expect(await checkSlowMode(reader, story)).toBeNull();
    await makeComment(db, { articleId: story, authorId: reader, status: "PENDING" });
    expect((await checkSlowMode(reader, story))?.retryAfterSeconds).toBeGreaterThan(290);
    await makeComment(db, { articleId: story, authorId: admin });
    expect(await checkSlowMode(admin, story)).toBeNull();
  });

  it("takes the story's interval and the author's role from a context", async () => {
    const now = new Date();
    await makeComment(db, {
      articleId: story,
      authorId: reader,
      createdAt: new Date(now.getTime() - 20_000),
    });
    const article = { premoderation: null, slowModeSeconds: 60 };
    expect(await checkSlowMode(reader, story, now, { author: { role: "READER" }, article })).toEqual({
      retryAfterSeconds: 40,
    });
    expect(await checkSlowMode(reader, story, now, { author: { role: "MODERATOR" }, article })).toBeNull();
    const off = { ...article, slowModeSeconds: null };
    expect(await checkSlowMode(reader, story, now, { author: { role: "READER" }, article: off })).toBeNull();
  });
});

describe("commentingStatus (closed and auto-close)", () => {
  it("is closed when a moderator closed the story", async () => {
    await db.article.update({ where: { id: story }, data: { commentsClosed: true } });
    expect(await commentingStatus(story)).toEqual({ open: false, closesAt: null });
  });

  it("auto-closes N days after publication, the story's days overriding the site's", async () => {
    const publishedAt = new Date(Date.now() - 10 * 86_400_000);
    await db.article.update({ where: { id: story }, data: { publishedAt } });
    await settings({ autoCloseDays: 7 });
    expect((await commentingStatus(story))?.open).toBe(false);
    await db.article.update({ where: { id: story }, data: { autoCloseDays: 14 } });
    const status = await commentingStatus(story);
    expect(status?.open).toBe(true);
    expect(status?.closesAt?.getTime()).toBe(publishedAt.getTime() + 14 * 86_400_000);
    await db.article.update({ where: { id: story }, data: { autoCloseDays: 0 } });
    expect(await commentingStatus(story)).toEqual({ open: true, closesAt: null });
  });

  it("answers null for an unknown story", async () => {
    expect(await commentingStatus("no-such-story")).toBeNull();
  });
});
