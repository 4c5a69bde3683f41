import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { decodeCommentCursor } from "@/lib/comments/cursor";
import {
  countComments,
  findComment,
  listCommentPage,
  listMostCommented,
  locateComment,
  MOST_COMMENTED_WINDOW,
  viewerCommentState,
} from "@/lib/comments/dal/comments";
import { STORY_PAGE_COMMENTS } from "@/lib/comments/types";

// lib/accounts/dal/users.ts (display names) sits beside the session reader; these reads never touch a session.
jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const base = Date.UTC(2026, 8, 1, 9, 0, 0);
const at = (minutes: number) => new Date(base + minutes * 60_000);
let story = "";
let other = "";
let draft = "";
let ana = "";
let ben = "";
let mod = "";

type Extra = { parentId?: string; threadId?: string; replyToId?: string; depth?: number };
async function comment(
  authorId: string | null,
  minutes: number,
  body: string,
  extra: Extra & { status?: "PUBLISHED" | "PENDING" | "DELETED"; score?: number; articleId?: string } = {},
) {
  const { articleId = story, ...rest } = extra;
  return (await db.comment.create({ data: { articleId, authorId, createdAt: at(minutes), body, ...rest } }))
    .id;
}
/** A reply to `parent` following the threading rule (depth 3 is the deepest). */
async function reply(authorId: string, minutes: number, body: string, parentId: string) {
  const parent = await db.comment.findUniqueOrThrow({ where: { id: parentId } });
  const threadId = parent.threadId ?? parent.id;
  return parent.depth < 3
    ? comment(authorId, minutes, body, { parentId, threadId, depth: parent.depth + 1 })
    : comment(authorId, minutes, body, {
        parentId: parent.parentId!,
        threadId,
        depth: 3,
        replyToId: parentId,
      });
}

beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput({ slug: "busy-story", publishedAt: at(-60) }))).id;
  other = (await importArticle(db, buildArticleInput({ slug: "quiet-story", publishedAt: at(-50) }))).id;
  draft = (await importArticle(db, buildArticleInput({ slug: "draft-story", status: "DRAFT" }))).id;
  ana = (await db.user.create({ data: { name: "Ana Reyes" } })).id;
  ben = (await db.user.create({ data: { name: null } })).id;
  mod = (await db.user.create({ data: { name: "Desk Editor", role: "MODERATOR" } })).id;
});

describe("a story's threads", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.first = await comment(ana, 1, "First!", { score: 5 });
    ids.second = await comment(ben, 2, "Second", { score: -1 });
    ids.third = await comment(mod, 3, "Third", { score: 2 });
    ids.pending = await comment(ana, 4, "Held for review", { status: "PENDING" });
    ids.goneAlone = await comment(ana, 5, "", { status: "DELETED" });
    ids.r1 = await reply(ben, 10, "reply d2", ids.first);
    ids.r2 = await reply(ana, 11, "reply d3", ids.r1);
    ids.r3 = await reply(mod, 12, "reply past depth 3", ids.r2);
    ids.r0 = await reply(mod, 9, "earlier reply d2", ids.first);
    ids.deletedParent = await reply(ana, 13, "", ids.third);
    await db.comment.update({ where: { id: ids.deletedParent }, data: { status: "DELETED" } });
    ids.survivor = await reply(ben, 14, "still here", ids.deletedParent);
    ids.deletedLeaf = await reply(ben, 15, "", ids.second);
    await db.comment.update({ where: { id: ids.deletedLeaf }, data: { status: "DELETED" } });
    ids.deletedTop = await comment(ben, 6, "", { status: "DELETED" });
    ids.underDeletedTop = await reply(ana, 16, "answering a deleted comment", ids.deletedTop);
    await comment(ana, 7, "on another story", { articleId: other });
  });

  it("counts published comments only", async () => {
    expect(await countComments(story)).toBe(9);
    expect(await countComments("no-such-story")).toBe(0);
  });

  it("lists top-level comments newest first with their replies depth-first, oldest first", async () => {
    const page = await listCommentPage(story);
    expect(page.total).toBe(9);
    expect(page.nextCursor).toBeNull();
    expect(page.threads.map((t) => t.comment.id)).toEqual([ids.deletedTop, ids.third, ids.second, ids.first]);
    const first = page.threads[3];
    expect(first.replies.map((r) => r.id)).toEqual([ids.r0, ids.r1, ids.r2, ids.r3]);
    expect(first.replies.map((r) => r.depth)).toEqual([2, 2, 3, 3]);
    expect(first.replies[3].replyTo).toEqual({ id: ids.r2, authorName: "Ana Reyes" });
    expect(first.comment).toMatchObject({ authorName: "Ana Reyes", authorRole: "READER", body: "First!" });
  });

  it("keeps deleted comments as [deleted] only while visible replies hang below them", async () => {
    const page = await listCommentPage(story);
    const byTop = new Map(page.threads.map((t) => [t.comment.id, t]));
    const deletedTop = byTop.get(ids.deletedTop)!;
    expect(deletedTop.comment).toMatchObject({ deleted: true, body: null, authorId: null, authorName: null });
    expect(deletedTop.replies.map((r) => r.id)).toEqual([ids.underDeletedTop]);
    expect(byTop.get(ids.third)!.replies.map((r) => [r.id, r.deleted])).toEqual([
      [ids.deletedParent, true],
      [ids.survivor, false],
    ]);
    expect(byTop.get(ids.second)!.replies).toEqual([]);
    expect(byTop.has(ids.goneAlone)).toBe(false);
    expect(byTop.has(ids.pending)).toBe(false);
  });

  it("sorts oldest first and by score, names readers without a name, badges staff", async () => {
    const oldest = await listCommentPage(story, { sort: "oldest" });
    expect(oldest.threads.map((t) => t.comment.id)).toEqual([
      ids.first,
      ids.second,
      ids.third,
      ids.deletedTop,
    ]);
    const top = await listCommentPage(story, { sort: "top" });
    expect(top.threads.map((t) => t.comment.id)).toEqual([ids.first, ids.third, ids.deletedTop, ids.second]);
    expect(top.threads[3].comment.authorName).toMatch(/^Reader \w{5}$/);
    expect(top.threads[1].comment.authorRole).toBe("MODERATOR");
  });

  it("pages with a cursor in every sort without overlap", async () => {
    for (const sort of ["newest", "oldest", "top"] as const) {
      const seen: string[] = [];
      let cursor = null;
      do {
        const page = await listCommentPage(story, { sort, cursor, limit: 1 });
        seen.push(...page.threads.map((t) => t.comment.id));
        cursor = page.nextCursor ? decodeCommentCursor(page.nextCursor, sort) : null;
      } while (cursor);
      const all = (await listCommentPage(story, { sort })).threads.map((t) => t.comment.id);
      expect(seen).toEqual(all);
    }
  });

  it("finds a published comment with its story for the reply and edit pages", async () => {
    expect(await findComment(ids.r2)).toMatchObject({
      comment: { id: ids.r2, depth: 3, body: "reply d3" },
      article: { id: story, slug: "busy-story", commentsClosed: false },
    });
    expect(await findComment(ids.pending)).toBeNull();
    expect(await findComment(ids.deletedParent)).toBeNull();
    expect(await findComment("nope")).toBeNull();
  });

  it("locates comments on the story page or the page after it, and not hidden ones", async () => {
    expect(await locateComment(ids.survivor)).toEqual({
      articleSlug: "busy-story",
      threadId: ids.third,
      sort: "newest",
      cursor: null,
      first: "story",
    });
    // The three newer threads hold 7 comments (deleted placeholders count), so the 5-comment thread
    // of the oldest is past the story page's 10.
    const storyPage = await listCommentPage(story, { limit: STORY_PAGE_COMMENTS });
    expect(storyPage.threads.map((t) => t.comment.id)).toEqual([ids.deletedTop, ids.third, ids.second]);
    expect(await locateComment(ids.r3)).toEqual({
      articleSlug: "busy-story",
      threadId: ids.first,
      sort: "newest",
      cursor: storyPage.nextCursor,
      first: "story",
    });
    expect(await locateComment(ids.deletedParent)).toMatchObject({ threadId: ids.third });
    expect(await locateComment(ids.pending)).toBeNull();
    expect(await locateComment(ids.goneAlone)).toBeNull();
    expect(await locateComment("x".repeat(500))).toBeNull();
  });

  it("tells a viewer which of their comments they may still edit, and their votes", async () => {
    await db.commentVote.create({ data: { commentId: ids.third, userId: ana, value: 1 } });
    const state = await viewerCommentState(ana, story, at(16));
    expect(state.editable.map((c) => c.id).sort()).toEqual([ids.r2, ids.underDeletedTop].sort());
    expect(state.votes).toEqual([{ commentId: ids.third, value: 1 }]);
    expect(await viewerCommentState(ana, other, at(100))).toEqual({ editable: [], votes: [] });
  });

  it("ranks published stories by published comments for the front page", async () => {
    await comment(ana, 30, "on a draft", { articleId: draft });
    await comment(ana, 31, "also on a draft", { articleId: draft });
    const rail = await listMostCommented(5);
    expect(rail.map((s) => [s.slug, s.commentCount])).toEqual([
      ["busy-story", 9],
      ["quiet-story", 1],
    ]);
  });

  it("ranks only the newest MOST_COMMENTED_WINDOW published stories (the site's whole history took seconds)", async () => {
    const { sectionId } = await db.article.findUniqueOrThrow({ where: { id: story }, select: { sectionId: true } });
    await db.article.createMany({
      data: Array.from({ length: MOST_COMMENTED_WINDOW }, (_, i) => ({
        slug: `newer-story-${i}`,
        headline: `Newer story ${i}`,
        standfirst: "",
        body: "Text.",
        status: "PUBLISHED" as const,
        publishedAt: at(100 + i),
        sectionId,
      })),
    });
    const oldestInWindow = (await db.article.findUniqueOrThrow({ where: { slug: "newer-story-0" } })).id;
    await comment(ben, 40, "on the oldest story the rail still counts", { articleId: oldestInWindow });
    // busy-story (9 comments) and quiet-story (1) are now older than the window.
    const rail = await listMostCommented(5);
    expect(rail.map((s) => [s.slug, s.commentCount])).toEqual([["newer-story-0", 1]]);
    await db.article.deleteMany({ where: { slug: { startsWith: "newer-story-" } } });
    expect((await listMostCommented(5)).map((s) => s.slug)).toEqual(["busy-story", "quiet-story"]);
  });
});
