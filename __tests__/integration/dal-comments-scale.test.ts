// A 20k-comment story: the first page, a page deep in the keyset chain and a permalink into it.
import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { decodeCommentCursor, encodeCommentCursor } from "@/lib/comments/cursor";
import { listCommentPage, locateComment } from "@/lib/comments/dal/comments";
import { COMMENT_PAGE_SIZE, STORY_PAGE_COMMENTS } from "@/lib/comments/types";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const TOTAL = 20_000;
const base = Date.UTC(2026, 0, 1);
let story = "";
/** Top-level ids newest first, the order the section shows. */
let newestFirst: { id: string; createdAt: Date }[] = [];

beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput({ slug: "everyone-has-a-view" }))).id;
  const user = await db.user.create({ data: { name: "Prolific Reader" } });
  // Pairs share a timestamp so the id tie-break is exercised on every page.
  const rows = Array.from({ length: TOTAL }, (_, i) => ({
    articleId: story,
    authorId: user.id,
    body: `comment ${i}`,
    createdAt: new Date(base + Math.floor(i / 2) * 1000),
  }));
  for (let i = 0; i < rows.length; i += 2000) await db.comment.createMany({ data: rows.slice(i, i + 2000) });
  const all = await db.comment.findMany({
    where: { articleId: story },
    select: { id: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  newestFirst = all;
  // One reply deep in the list, to check that threads keep their replies on a later page.
  const top = all[12_345];
  await db.comment.create({
    data: {
      articleId: story,
      authorId: user.id,
      body: "a reply",
      parentId: top.id,
      threadId: top.id,
      depth: 2,
    },
  });
}, 120_000);

it("serves the first page: the 20 newest threads, the exact count and a cursor", async () => {
  // The indexes below are this fixture's at 20 comments a page.
  expect(COMMENT_PAGE_SIZE).toBe(20);
  const page = await listCommentPage(story);
  expect(page.total).toBe(TOTAL + 1);
  expect(page.threads.map((t) => t.comment.id)).toEqual(newestFirst.slice(0, 20).map((c) => c.id));
  expect(decodeCommentCursor(page.nextCursor, "newest")).toMatchObject({ id: newestFirst[19].id });
});

it("serves a deep page from a cursor, replies included and counted: 20 comments in 19 threads", async () => {
  const last = newestFirst[12_329];
  const cursor = { sort: "newest" as const, createdAt: last.createdAt, id: last.id };
  const page = await listCommentPage(story, { cursor });
  expect(page.threads.map((t) => t.comment.id)).toEqual(newestFirst.slice(12_330, 12_349).map((c) => c.id));
  expect(page.threads[15].replies.map((r) => r.body)).toEqual(["a reply"]);
  expect(decodeCommentCursor(page.nextCursor, "newest")).toMatchObject({ id: newestFirst[12_348].id });
  const end = await listCommentPage(story, {
    cursor: { ...cursor, createdAt: newestFirst[19_979].createdAt, id: newestFirst[19_979].id },
  });
  expect(end.threads).toHaveLength(20);
  expect(end.nextCursor).toBeNull();
});

it("locates a comment deep in the list: the cursor opens the page that holds its thread", async () => {
  const reply = await db.comment.findFirstOrThrow({ where: { articleId: story, parentId: { not: null } } });
  const location = await locateComment(reply.id);
  expect(location?.threadId).toBe(newestFirst[12_345].id);
  // The story page shows the 10 newest; pages of 20 follow, and the one holding the reply's thread
  // starts at the 12,331st (10 + 616 × 20).
  const expected = newestFirst[12_329];
  expect(location?.cursor).toBe(
    encodeCommentCursor({ sort: "newest", createdAt: expected.createdAt, id: expected.id }),
  );
  const page = await listCommentPage(story, { cursor: decodeCommentCursor(location!.cursor, "newest") });
  expect(page.threads.some((t) => t.replies.some((r) => r.id === reply.id))).toBe(true);
  // The 10th newest is on the story page; the 11th is the first of the page after it.
  expect((await locateComment(newestFirst[9].id))?.cursor).toBeNull();
  expect((await locateComment(newestFirst[10].id))?.cursor).toBe(
    (await listCommentPage(story, { limit: STORY_PAGE_COMMENTS })).nextCursor,
  );
});
