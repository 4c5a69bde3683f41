// The comment server actions end to end below the HTTP layer: form parsing, the session, the DAL on a
// real database, the cache tags they expire and the no-JavaScript redirect. Only the edges Next owns at
// request time are replaced: the session lookup (cookies) and updateTag (needs an action context).
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildUser } from "@/lib/comments/builders";
import { deleteComment, editComment, postComment, replyToComment, voteComment } from "@/lib/comments/actions";

const mockSession: { userId: string | null } = { userId: null };
const mockTags: string[] = [];
jest.mock("@/lib/accounts/auth/auth", () => ({
  auth: async () => null,
  SESSION_COOKIE: "authjs.session-token",
}));
jest.mock("@/lib/accounts/dal/users", () => ({
  ...jest.requireActual("@/lib/accounts/dal/users"),
  getSessionUserId: async () => mockSession.userId,
}));
jest.mock("next/cache", () => ({ updateTag: (tag: string) => mockTags.push(tag) }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

let story: { id: string; slug: string };
let reader: string;
let other: string;
beforeAll(async () => {
  story = await importArticle(db, buildArticleInput());
});
// Fresh readers per test: the actions use the configured limits (5 a minute by default).
beforeEach(async () => {
  reader = (await buildUser(db)).id;
  other = (await buildUser(db)).id;
  mockTags.length = 0;
  mockSession.userId = reader;
});

let n = 0;
function form(fields: Record<string, string | Blob>, enhanced = true): FormData {
  const fd = new FormData();
  if (enhanced) fd.set("enhanced", "1");
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}
const postForm = (extra: Record<string, string | Blob> = {}, enhanced = true) =>
  form({ articleId: story.id, body: `Action remark ${++n}`, ...extra }, enhanced);

/** Runs an action that should redirect (no-JS success) and returns where to. */
async function redirectOf(run: Promise<unknown>): Promise<string> {
  const err = (await run.then(
    () => null,
    (e: unknown) => e,
  )) as { digest?: string } | null;
  const digest = err?.digest ?? "";
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";")[2];
}

async function posted(fields: Record<string, string> = {}): Promise<string> {
  const state = await postComment(null, postForm(fields));
  if (!state?.ok || !state.commentId) throw new Error(`post failed: ${state?.message}`);
  return state.commentId;
}

describe("postComment", () => {
  it("posts, answers with the comment id, expires the story's comments and the front page's counts", async () => {
    const state = await postComment(null, postForm({ body: "  Hello, *harbour*.  " }));
    expect(state).toEqual({ ok: true, message: "Your comment is posted.", commentId: expect.any(String) });
    if (!state?.ok) return;
    expect(await db.comment.findUnique({ where: { id: state.commentId! }, select: { body: true } })).toEqual({
      body: "Hello, *harbour*.",
    });
    expect(mockTags).toEqual([`comments:${story.id}`, "comment-counts"]);
  });

  it("without JavaScript, redirects back to the comment (and to the story when returnTo is foreign)", async () => {
    const to = await redirectOf(
      postComment(null, postForm({ returnTo: "/articles/x?sort=top#comments" }, false)),
    );
    const last = await db.comment.findFirstOrThrow({
      where: { authorId: reader },
      orderBy: { createdAt: "desc" },
    });
    expect(to).toBe(`/articles/x?sort=top#comment-${last.id}`);
    const home = await redirectOf(postComment(null, postForm({ returnTo: "https://evil.example/" }, false)));
    expect(home).toMatch(new RegExp(`^/articles/${story.slug}#comment-`));
  });

  it("asks the signed-out to sign in, and writes nothing", async () => {
    mockSession.userId = null;
    const before = await db.comment.count();
    expect(await postComment(null, postForm())).toEqual({ ok: false, message: "Sign in to comment." });
    expect(await db.comment.count()).toBe(before);
    expect(mockTags).toEqual([]);
  });

  it("refuses a filled honeypot quietly and logs it", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const before = await db.comment.count();
    expect(await postComment(null, postForm({ website: "http://cheap.example" }))).toEqual({
      ok: false,
      message: "Your comment could not be posted.",
    });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect(await db.comment.count()).toBe(before);
  });

  it("answers hostile input with field errors, never an exception", async () => {
    expect(await postComment(null, new FormData())).toMatchObject({
      ok: false,
      fieldErrors: { articleId: ["Missing story."], body: ["Write your comment first."] },
    });
    expect(await postComment(null, postForm({ body: "x".repeat(200_000) }))).toMatchObject({
      ok: false,
      fieldErrors: { body: ["Comments can be at most 5,000 characters."] },
    });
    const files = form({ articleId: new Blob(["a"]), body: new Blob(["b"]), idempotencyKey: "<script>" });
    expect(await postComment(null, files)).toMatchObject({ ok: false, fieldErrors: expect.any(Object) });
    expect(await postComment(null, { not: "a form" } as unknown as FormData)).toMatchObject({ ok: false });
    expect(await postComment(null, postForm({ articleId: "no-such-story" }))).toMatchObject({ ok: false });
  });

  it("passes the DAL's refusals through as form state", async () => {
    await db.user.update({ where: { id: other }, data: { status: "BANNED" } });
    mockSession.userId = other;
    expect(await postComment(null, postForm())).toEqual({
      ok: false,
      message: "Your account may no longer comment.",
    });
    await db.user.update({ where: { id: other }, data: { status: "ACTIVE" } });
  });

  it("stores one comment for a double submit with one key", async () => {
    const fields = { idempotencyKey: "double-click-1", body: "Only once, please" };
    const [a, b] = await Promise.all([
      postComment(null, postForm(fields)),
      postComment(null, postForm(fields)),
    ]);
    expect(a?.ok && b?.ok && a.commentId === b.commentId).toBe(true);
    expect(await db.comment.count({ where: { authorId: reader, idempotencyKey: "double-click-1" } })).toBe(1);
  });
});

it("applies the configured per-minute limit (COMMENT_LIMIT_PER_MINUTE, 5 by default)", async () => {
  for (let i = 0; i < 5; i++) await posted();
  const state = await postComment(null, postForm());
  expect(state).toMatchObject({
    ok: false,
    message: expect.stringMatching(/You can post again in \d+ seconds?\.$/),
  });
});

describe("replyToComment", () => {
  it("needs a parent and threads the reply under it", async () => {
    expect(await replyToComment(null, postForm())).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ["Missing comment."] },
    });
    const parentId = await posted();
    mockSession.userId = other;
    const state = await replyToComment(null, postForm({ parentId }));
    expect(state).toMatchObject({ ok: true, message: "Your reply is posted." });
    if (!state?.ok) return;
    expect(
      await db.comment.findUnique({
        where: { id: state.commentId! },
        select: { parentId: true, depth: true },
      }),
    ).toEqual({
      parentId,
      depth: 2,
    });
  });
});

describe("editComment, deleteComment and voteComment", () => {
  it("edits the reader's own comment and refuses someone else's", async () => {
    const commentId = await posted();
    expect(await editComment(null, form({ commentId, body: "Edited text" }))).toMatchObject({ ok: true });
    expect(mockTags).toContain(`comments:${story.id}`);
    mockSession.userId = other;
    expect(await editComment(null, form({ commentId, body: "Hijacked" }))).toEqual({
      ok: false,
      message: "You can only change your own comments.",
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe("Edited text");
  });

  it("deletes the reader's own comment, and without JavaScript returns to the comments", async () => {
    const commentId = await posted();
    mockTags.length = 0;
    const to = await redirectOf(
      deleteComment(null, form({ commentId, returnTo: `/articles/${story.slug}` }, false)),
    );
    expect(to).toBe(`/articles/${story.slug}#comments`);
    expect(await db.comment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({
      status: "DELETED",
      body: "",
    });
    expect(mockTags).toEqual([`comments:${story.id}`, "comment-counts"]);
  });

  it("votes with up, down and clear and reports the score", async () => {
    const commentId = await posted();
    mockSession.userId = other;
    expect(await voteComment(null, form({ commentId, value: "up" }))).toMatchObject({
      ok: true,
      score: 1,
      vote: 1,
    });
    expect(await voteComment(null, form({ commentId, value: "down" }))).toMatchObject({
      ok: true,
      score: -1,
      vote: -1,
    });
    expect(await voteComment(null, form({ commentId, value: "clear" }))).toMatchObject({
      ok: true,
      score: 0,
      vote: 0,
    });
    expect(await voteComment(null, form({ commentId, value: "+100" }))).toMatchObject({
      ok: false,
      fieldErrors: { value: expect.any(Array) },
    });
    const to = await redirectOf(
      voteComment(null, form({ commentId, value: "up", returnTo: "/articles/s" }, false)),
    );
    expect(to).toBe(`/articles/s#comment-${commentId}`);
    mockSession.userId = reader;
    expect(await voteComment(null, form({ commentId, value: "up" }))).toEqual({
      ok: false,
      message: "You cannot vote on your own comment.",
    });
  });
});
