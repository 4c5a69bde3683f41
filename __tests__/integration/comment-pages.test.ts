// Pages hold comments, not threads (lib/comments/paging.ts): whole threads while they fit, a thread
// longer than a page on a page of its own, and on the story page a long first thread cut short with
// its permalinks sent to the comments page that shows it whole.
import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { decodeCommentCursor, encodeCommentCursor } from "@/lib/comments/cursor";
import { listCommentPage, locateComment } from "@/lib/comments/dal/comments";
import { COMMENT_PAGE_SIZE, STORY_PAGE_COMMENTS } from "@/lib/comments/types";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const base = Date.UTC(2026, 9, 1, 9, 0, 0);
const at = (minutes: number) => new Date(base + minutes * 60_000);
let story = "";
let author = "";
/** Top-level ids, newest first. */
const tops: string[] = [];
let longThreadReplies: string[] = [];

async function thread(minutes: number, replies: number): Promise<{ top: string; replies: string[] }> {
  const top = (
    await db.comment.create({
      data: { articleId: story, authorId: author, body: `top ${minutes}`, createdAt: at(minutes) },
    })
  ).id;
  const ids: string[] = [];
  for (let i = 0; i < replies; i++)
    ids.push(
      (
        await db.comment.create({
          data: {
            articleId: story,
            authorId: author,
            body: `reply ${i} to ${minutes}`,
            parentId: top,
            threadId: top,
            depth: 2,
            createdAt: at(minutes + 0.01 * (i + 1)),
          },
        })
      ).id,
    );
  return { top, replies: ids };
}

beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput({ slug: "one-long-argument", publishedAt: at(-60) })))
    .id;
  author = (await db.user.create({ data: { name: "Talkative Reader" } })).id;
  // Oldest first: 60 one-comment threads, a 12-comment thread, then (newest) a 30-comment thread.
  const made: string[] = [];
  for (let m = 0; m < 60; m++) made.push((await thread(m, 0)).top);
  made.push((await thread(100, 11)).top);
  const long = await thread(200, 29);
  made.push(long.top);
  longThreadReplies = long.replies;
  tops.push(...made.reverse());
}, 60_000);

const comments = (page: Awaited<ReturnType<typeof listCommentPage>>) =>
  page.threads.reduce((n, t) => n + 1 + t.replies.length, 0);

it("fills a comments page with whole threads up to 20 comments", async () => {
  // The arithmetic below is this fixture's at 20 comments a page.
  expect(COMMENT_PAGE_SIZE).toBe(20);
  const pages = [await listCommentPage(story)];
  for (let next = pages[0].nextCursor; next !== null; next = pages.at(-1)!.nextCursor)
    pages.push(await listCommentPage(story, { cursor: decodeCommentCursor(next, "newest") }));
  // The 30-comment thread is longer than a page: a page of its own, whole. Then 12 + eight
  // one-comment threads make 20, then one-comment threads 20 at a time.
  expect(pages.map((p) => p.threads.map((t) => t.comment.id))).toEqual([
    tops.slice(0, 1),
    tops.slice(1, 10),
    tops.slice(10, 30),
    tops.slice(30, 50),
    tops.slice(50),
  ]);
  expect(pages.map(comments)).toEqual([30, 20, 20, 20, 12]);
  expect(pages[0].threads[0].replies).toHaveLength(29);
  expect(pages[0].threads[0].more).toBeUndefined();
});

it("gives a thread longer than the page a page of its own, whole", async () => {
  const page = await listCommentPage(story, { limit: 10 });
  expect(page.threads).toHaveLength(1);
  expect(page.threads[0].replies).toHaveLength(29);
  expect(decodeCommentCursor(page.nextCursor, "newest")).toMatchObject({ id: tops[0] });
});

it("cuts the story page's long first thread to its first 10 comments and says how many are left", async () => {
  const page = await listCommentPage(story, { limit: STORY_PAGE_COMMENTS, cut: true });
  expect(page.threads).toHaveLength(1);
  expect(page.threads[0].replies.map((r) => r.id)).toEqual(
    longThreadReplies.slice(0, STORY_PAGE_COMMENTS - 1),
  );
  expect(page.threads[0].more).toBe(30 - STORY_PAGE_COMMENTS);
  expect(page.total).toBe(60 + 12 + 30);
  expect(decodeCommentCursor(page.nextCursor, "newest")).toMatchObject({ id: tops[0] });
});

it("sends a permalink into the cut thread to the first comments page, and later ones by the story page's packing", async () => {
  for (const id of [tops[0], longThreadReplies[0], longThreadReplies[28]])
    expect(await locateComment(id)).toMatchObject({ threadId: tops[0], cursor: null, first: "comments" });
  // The story page holds only the long thread; the next page (from the 12-comment thread) holds
  // 12 + 8 one-comment threads; the page after starts at the 10th top-level comment.
  const after = (i: number) => {
    return db.comment
      .findUniqueOrThrow({ where: { id: tops[i] } })
      .then((c) => encodeCommentCursor({ sort: "newest", createdAt: c.createdAt, id: c.id }));
  };
  expect(await locateComment(tops[1])).toMatchObject({ cursor: await after(0), first: "story" });
  expect(await locateComment(tops[9])).toMatchObject({ cursor: await after(0) });
  expect(await locateComment(tops[10])).toMatchObject({ cursor: await after(9) });
  expect(await locateComment(tops[30])).toMatchObject({ cursor: await after(29) });
  const page = await listCommentPage(story, { cursor: decodeCommentCursor(await after(9), "newest") });
  expect(page.threads[0].comment.id).toBe(tops[10]);
});
