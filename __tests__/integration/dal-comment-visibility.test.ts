// What readers see of moderated comments, on a real database: the author's own hidden comments (held,
// or published under a shadow-ban) and nobody else's; a shadow-banned author's comments gone from the
// public thread and count; featured and pinned comments for the story's strip and pinned group.
import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { buildComment, buildUser } from "@/lib/comments/builders";
import {
  countComments,
  listCommentPage,
  listMostCommented,
  listOwnHiddenComments,
} from "@/lib/comments/dal/comments";
import { listCommentHighlights } from "@/lib/comments/dal/highlights";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const at = (minutes: number) => new Date(Date.UTC(2026, 8, 1, 9, minutes));
const ids = (page: Awaited<ReturnType<typeof listCommentPage>>) =>
  page.threads.flatMap((t) => [t.comment.id, ...t.replies.map((r) => r.id)]);

let story = "";
let other = "";
beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput())).id;
  other = (await importArticle(db, buildArticleInput())).id;
});

describe("listOwnHiddenComments", () => {
  it("lists the author's held and shadow-banned comments on this story only, held ones marked", async () => {
    const ana = await buildUser(db);
    const ben = await buildUser(db);
    const held = await buildComment(db, {
      articleId: story,
      authorId: ana.id,
      status: "PENDING",
      createdAt: at(1),
    });
    const live = await buildComment(db, { articleId: story, authorId: ana.id, createdAt: at(2) });
    await buildComment(db, { articleId: story, authorId: ana.id, status: "REJECTED", createdAt: at(3) });
    await buildComment(db, { articleId: other, authorId: ana.id, status: "PENDING", createdAt: at(4) });

    const own = await listOwnHiddenComments(ana.id, story);
    expect(own.map((o) => [o.comment.id, o.awaiting])).toEqual([[held.id, true]]);
    // Another reader has none of Ana's, and her published comment is not "hidden".
    expect(await listOwnHiddenComments(ben.id, story)).toEqual([]);
    expect(own.map((o) => o.comment.id)).not.toContain(live.id);
    expect(await listOwnHiddenComments("", story)).toEqual([]);
  });

  it("shows a shadow-banned author their published comments unmarked, newest first", async () => {
    const cal = await buildUser(db, { shadowBanned: true });
    const older = await buildComment(db, { articleId: story, authorId: cal.id, createdAt: at(10) });
    const held = await buildComment(db, {
      articleId: story,
      authorId: cal.id,
      status: "PENDING",
      createdAt: at(11),
    });
    const own = await listOwnHiddenComments(cal.id, story);
    expect(own.map((o) => [o.comment.id, o.awaiting])).toEqual([
      [held.id, true],
      [older.id, false],
    ]);
    expect(own[1].comment.body).not.toBeNull();
  });
});

describe("shadow-banned authors in the public thread", () => {
  it("are absent from listCommentPage and countComments, replies included", async () => {
    const article = (await importArticle(db, buildArticleInput())).id;
    const dee = await buildUser(db, { shadowBanned: true });
    const eve = await buildUser(db);
    const visible = await buildComment(db, { articleId: article, authorId: eve.id, createdAt: at(20) });
    const hiddenTop = await buildComment(db, { articleId: article, authorId: dee.id, createdAt: at(21) });
    const hiddenReply = await buildComment(db, {
      articleId: article,
      authorId: dee.id,
      parentId: visible.id,
      threadId: visible.id,
      depth: 1,
      createdAt: at(22),
    });
    const page = await listCommentPage(article);
    expect(ids(page)).toEqual([visible.id]);
    expect(page.total).toBe(1);
    expect(await countComments(article)).toBe(1);
    // Still there for Dee herself.
    const own = (await listOwnHiddenComments(dee.id, article)).map((o) => o.comment.id);
    expect(own.sort()).toEqual([hiddenTop.id, hiddenReply.id].sort());
    // Lifting the shadow-ban brings them back as they were.
    await db.user.update({ where: { id: dee.id }, data: { shadowBanned: false } });
    expect(await countComments(article)).toBe(3);
    expect(await listOwnHiddenComments(dee.id, article)).toEqual([]);
  });

  it("do not lift a story into the front page's most-commented rail", async () => {
    const input = buildArticleInput();
    const article = (await importArticle(db, input)).id;
    const loud = await buildUser(db, { shadowBanned: true });
    for (let i = 0; i < 30; i++) await buildComment(db, { articleId: article, authorId: loud.id });
    const rail = await listMostCommented(20);
    expect(rail.length).toBeGreaterThan(0);
    expect(rail.map((s) => s.slug)).not.toContain(input.slug);
  });
});

describe("listCommentHighlights", () => {
  it("returns featured comments and pinned top-level ones that every reader may see", async () => {
    const article = (await importArticle(db, buildArticleInput())).id;
    const fay = await buildUser(db);
    const shadow = await buildUser(db, { shadowBanned: true });
    const featured = await buildComment(db, {
      articleId: article,
      authorId: fay.id,
      featured: true,
      createdAt: at(30),
    });
    const pinnedOld = await buildComment(db, {
      articleId: article,
      authorId: fay.id,
      pinnedAt: at(40),
      createdAt: at(31),
    });
    const pinnedNew = await buildComment(db, {
      articleId: article,
      authorId: fay.id,
      pinnedAt: at(41),
      createdAt: at(32),
    });
    // None of these may surface: held, shadow-banned, a pinned reply (only top level leads), deleted.
    await buildComment(db, { articleId: article, authorId: fay.id, featured: true, status: "PENDING" });
    await buildComment(db, { articleId: article, authorId: shadow.id, featured: true, pinnedAt: at(50) });
    await buildComment(db, {
      articleId: article,
      authorId: fay.id,
      parentId: featured.id,
      threadId: featured.id,
      depth: 1,
      pinnedAt: at(51),
    });
    await buildComment(db, { articleId: article, authorId: fay.id, status: "DELETED", featured: true });

    const { featured: strip, pinned } = await listCommentHighlights(article);
    expect(strip.map((c) => c.id)).toEqual([featured.id]);
    expect(pinned.map((c) => c.id)).toEqual([pinnedNew.id, pinnedOld.id]);
    expect(strip[0].authorName).toBe(fay.name);
    expect(await listCommentHighlights(story)).toEqual({ featured: [], pinned: [] });
  });
});
