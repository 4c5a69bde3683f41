// The comment writes against a real database: each happy path, and each refusal the issue lists.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { createCommentRateLimiter } from "@/lib/comments/rate-limit";
import { createComment, deleteComment, editComment, voteComment } from "@/lib/comments/dal/writes";

// The writes take the actor's id; the session (and Auth.js, an ES module jest would have to compile) stays out.
jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

// Limits are exercised in comment-abuse.test.ts; here they stay out of the way.
const limiter = createCommentRateLimiter({ store: "memory", perMinute: 10_000, perDay: 10_000 });
let bodyCounter = 0;
const post = (actor: string | null, input: { articleId: string; parentId?: string; body?: string }) =>
  createComment(actor, { body: `Distinct remark ${++bodyCounter}`, ...input }, { limiter });

let story: string;
let otherStory: string;
let closedStory: string;
let draftStory: string;
let alice: string;
let bob: string;

beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput())).id;
  otherStory = (await importArticle(db, buildArticleInput())).id;
  closedStory = (await importArticle(db, buildArticleInput({ commentsClosed: true }))).id;
  draftStory = (await importArticle(db, buildArticleInput({ status: "DRAFT" }))).id;
  alice = (await buildUser(db, { name: "Alice" })).id;
  bob = (await buildUser(db, { name: "Bob" })).id;
});

const stored = (id: string) => db.comment.findUniqueOrThrow({ where: { id } });

describe("createComment", () => {
  it("posts a normalised top-level comment and answers with a narrow result", async () => {
    const result = await post(alice, {
      articleId: story,
      body: "  Cafe\u0301 \u0007owners\r\n\r\n\r\n\r\nagree.  ",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result).sort()).toEqual([
      "articleId",
      "articleSlug",
      "commentId",
      "duplicate",
      "ok",
      "status",
    ]);
    expect(result.status).toBe("PUBLISHED");
    expect(result.duplicate).toBe(false);
    const row = await stored(result.commentId);
    expect(row).toMatchObject({
      body: "Café owners\n\nagree.",
      depth: 1,
      parentId: null,
      threadId: null,
      status: "PUBLISHED",
    });
    expect(row.authorId).toBe(alice);
  });

  it("threads replies to depth 3, then attaches deeper replies to the depth-3 comment's parent", async () => {
    const top = await post(alice, { articleId: story });
    if (!top.ok) throw new Error(top.message);
    const r2 = await post(bob, { articleId: story, parentId: top.commentId });
    if (!r2.ok) throw new Error(r2.message);
    const r3 = await post(alice, { articleId: story, parentId: r2.commentId });
    if (!r3.ok) throw new Error(r3.message);
    const r4 = await post(bob, { articleId: story, parentId: r3.commentId });
    if (!r4.ok) throw new Error(r4.message);

    expect(await stored(r2.commentId)).toMatchObject({
      depth: 2,
      parentId: top.commentId,
      threadId: top.commentId,
      replyToId: null,
    });
    expect(await stored(r3.commentId)).toMatchObject({
      depth: 3,
      parentId: r2.commentId,
      threadId: top.commentId,
      replyToId: null,
    });
    expect(await stored(r4.commentId)).toMatchObject({
      depth: 3,
      parentId: r2.commentId,
      threadId: top.commentId,
      replyToId: r3.commentId,
    });
  });

  it("refuses anonymous callers and sessions whose user is gone", async () => {
    expect(await post(null, { articleId: story })).toMatchObject({
      ok: false,
      code: "unauthenticated",
      message: "Sign in to comment.",
    });
    expect(await post("no-such-user", { articleId: story })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
  });

  it("refuses a suspended reader and says until when; an expired suspension no longer counts", async () => {
    const until = new Date(Date.UTC(2099, 0, 2, 15, 30));
    const suspended = await buildUser(db, {
      status: "SUSPENDED",
      suspendedUntil: until,
      statusReason: "Repeated spam",
    });
    const result = await post(suspended.id, { articleId: story });
    expect(result).toMatchObject({ ok: false, code: "suspended" });
    if (result.ok) return;
    expect(result.message).toBe(
      "Your account is suspended until 2 January 2099 at 15:30 UTC. Reason: Repeated spam",
    );

    const lapsed = await buildUser(db, { status: "SUSPENDED", suspendedUntil: new Date(Date.now() - 1000) });
    expect(await post(lapsed.id, { articleId: story })).toMatchObject({ ok: true });
  });

  it("refuses a banned reader", async () => {
    const banned = await buildUser(db, { status: "BANNED" });
    expect(await post(banned.id, { articleId: story })).toMatchObject({ ok: false, code: "banned" });
    expect(await db.comment.count({ where: { authorId: banned.id } })).toBe(0);
  });

  it("refuses unknown and draft stories, and closed ones", async () => {
    expect(await post(alice, { articleId: "nosuchstory" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await post(alice, { articleId: draftStory })).toMatchObject({ ok: false, code: "not_found" });
    expect(await post(alice, { articleId: closedStory })).toMatchObject({
      ok: false,
      code: "closed",
      message: "Comments are closed on this story.",
    });
    expect(await db.comment.count({ where: { articleId: { in: [draftStory, closedStory] } } })).toBe(0);
  });

  it("refuses a reply to a comment on another story, or to one that is not visible", async () => {
    const elsewhere = await buildComment(db, { articleId: otherStory, authorId: bob });
    expect(await post(alice, { articleId: story, parentId: elsewhere.id })).toMatchObject({
      ok: false,
      code: "not_repliable",
      message: "That comment is on another story.",
    });
    for (const status of ["DELETED", "PENDING", "SPAM"] as const) {
      const hidden = await buildComment(db, { articleId: story, authorId: bob, status });
      expect(await post(alice, { articleId: story, parentId: hidden.id })).toMatchObject({
        ok: false,
        code: "not_repliable",
      });
    }
    expect(await post(alice, { articleId: story, parentId: "nosuchcomment" })).toMatchObject({
      code: "not_repliable",
    });
  });

  it.each([
    ["empty", "", "Write your comment first."],
    ["only whitespace and controls", " \n\t\u0000\u202E \r\n ", "Write your comment first."],
    ["5,001 characters", "x".repeat(5001), "Comments can be at most 5,000 characters (this one has 5,001)."],
    ["a megabyte", "y".repeat(1_000_000), "Comments can be at most 5,000 characters."],
  ])("refuses a body that is %s with a field error", async (_name, body, message) => {
    const result = await post(alice, { articleId: story, body });
    expect(result).toEqual({
      ok: false,
      code: "invalid",
      message: expect.any(String),
      fieldErrors: { body: [message] },
    });
  });

  it("accepts exactly 5,000 characters, counting an emoji as one", async () => {
    const body = "😀".repeat(10) + "z".repeat(4990);
    expect(await post(alice, { articleId: story, body })).toMatchObject({ ok: true });
  });

  it("answers hostile shapes with a refusal, not an exception", async () => {
    const hostile = { articleId: { $ne: null }, body: 42, idempotencyKey: "../../etc" } as unknown as {
      articleId: string;
    };
    const result = await createComment(alice, hostile as never, { limiter });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["articleId", "body", "idempotencyKey"]);
  });
});

describe("editComment", () => {
  it("lets the author change the body within 15 minutes and marks it edited", async () => {
    const made = await post(alice, { articleId: story });
    if (!made.ok) throw new Error(made.message);
    const result = await editComment(alice, { commentId: made.commentId, body: "  Second *thoughts*  " });
    expect(result).toMatchObject({ ok: true, commentId: made.commentId, articleId: story });
    const row = await stored(made.commentId);
    expect(row.body).toBe("Second *thoughts*");
    expect(row.editedAt).toBeInstanceOf(Date);
  });

  it("leaves an unchanged body unmarked", async () => {
    const made = await post(alice, { articleId: story, body: "Exactly this." });
    if (!made.ok) throw new Error(made.message);
    expect(await editComment(alice, { commentId: made.commentId, body: " Exactly this. " })).toMatchObject({
      ok: true,
      editedAt: null,
    });
    expect((await stored(made.commentId)).editedAt).toBeNull();
  });

  it("refuses someone else's comment and leaves it as it was", async () => {
    const made = await post(alice, { articleId: story, body: "Alice's words." });
    if (!made.ok) throw new Error(made.message);
    expect(await editComment(bob, { commentId: made.commentId, body: "Bob's now" })).toMatchObject({
      ok: false,
      code: "not_owner",
    });
    expect((await stored(made.commentId)).body).toBe("Alice's words.");
  });

  it("refuses after the 15-minute window", async () => {
    const made = await post(alice, { articleId: story });
    if (!made.ok) throw new Error(made.message);
    await db.comment.update({
      where: { id: made.commentId },
      data: { createdAt: new Date(Date.now() - 15 * 60_000 - 1000) },
    });
    expect(await editComment(alice, { commentId: made.commentId, body: "Too late" })).toMatchObject({
      ok: false,
      code: "edit_window",
    });
    expect((await stored(made.commentId)).editedAt).toBeNull();
  });

  it("refuses deleted comments, closed stories, anonymous, suspended and banned callers, bad bodies", async () => {
    const made = await post(alice, { articleId: story });
    if (!made.ok) throw new Error(made.message);
    const id = made.commentId;
    const suspended = await buildUser(db, {
      status: "SUSPENDED",
      suspendedUntil: new Date(Date.now() + 86_400_000),
    });
    const banned = await buildUser(db, { status: "BANNED" });
    expect(await editComment(null, { commentId: id, body: "x" })).toMatchObject({ code: "unauthenticated" });
    expect(await editComment(suspended.id, { commentId: id, body: "x" })).toMatchObject({
      code: "suspended",
    });
    expect(await editComment(banned.id, { commentId: id, body: "x" })).toMatchObject({ code: "banned" });
    expect(await editComment(alice, { commentId: id, body: "x".repeat(5001) })).toMatchObject({
      code: "invalid",
    });
    expect(await editComment(alice, { commentId: id, body: "   " })).toMatchObject({ code: "invalid" });

    const onClosed = await buildComment(db, { articleId: closedStory, authorId: alice });
    expect(await editComment(alice, { commentId: onClosed.id, body: "x" })).toMatchObject({ code: "closed" });

    await deleteComment(alice, { commentId: id });
    expect(await editComment(alice, { commentId: id, body: "Back from the dead" })).toMatchObject({
      code: "not_found",
    });
    expect(await editComment(alice, { commentId: "nosuchcomment", body: "x" })).toMatchObject({
      code: "not_found",
    });
  });
});

describe("deleteComment", () => {
  it("soft-deletes the author's comment, clears its body and keeps its replies", async () => {
    const made = await post(alice, { articleId: story, body: "Regrettable" });
    if (!made.ok) throw new Error(made.message);
    const reply = await post(bob, { articleId: story, parentId: made.commentId });
    if (!reply.ok) throw new Error(reply.message);
    expect(await deleteComment(alice, { commentId: made.commentId })).toEqual({
      ok: true,
      commentId: made.commentId,
      articleId: story,
      articleSlug: expect.any(String),
    });
    expect(await stored(made.commentId)).toMatchObject({ status: "DELETED", body: "" });
    expect(await stored(reply.commentId)).toMatchObject({ status: "PUBLISHED", parentId: made.commentId });
    // A second delete (a double submit) is not an error.
    expect(await deleteComment(alice, { commentId: made.commentId })).toMatchObject({ ok: true });
  });

  it("refuses someone else's comment, anonymous, suspended and banned callers", async () => {
    const made = await post(alice, { articleId: story });
    if (!made.ok) throw new Error(made.message);
    const banned = await buildUser(db, { status: "BANNED" });
    const suspended = await buildUser(db, { status: "SUSPENDED", suspendedUntil: null });
    expect(await deleteComment(bob, { commentId: made.commentId })).toMatchObject({ code: "not_owner" });
    expect(await deleteComment(null, { commentId: made.commentId })).toMatchObject({
      code: "unauthenticated",
    });
    expect(await deleteComment(banned.id, { commentId: made.commentId })).toMatchObject({ code: "banned" });
    expect(await deleteComment(suspended.id, { commentId: made.commentId })).toMatchObject({
      code: "suspended",
      message: "Your account is suspended.",
    });
    expect((await stored(made.commentId)).status).toBe("PUBLISHED");
  });

  it("lets a reader delete their comment on a story that has since closed", async () => {
    const onClosed = await buildComment(db, { articleId: closedStory, authorId: alice });
    expect(await deleteComment(alice, { commentId: onClosed.id })).toMatchObject({ ok: true });
  });
});

describe("voteComment", () => {
  it("counts, changes and clears a vote, keeping the score in step", async () => {
    const made = await post(alice, { articleId: story });
    if (!made.ok) throw new Error(made.message);
    const id = made.commentId;
    expect(await voteComment(bob, { commentId: id, value: 1 })).toMatchObject({
      ok: true,
      score: 1,
      value: 1,
    });
    expect(await voteComment(bob, { commentId: id, value: 1 })).toMatchObject({ ok: true, score: 1 });
    expect(await voteComment(bob, { commentId: id, value: -1 })).toMatchObject({ ok: true, score: -1 });
    expect(await voteComment(bob, { commentId: id, value: 0 })).toMatchObject({
      ok: true,
      score: 0,
      value: 0,
    });
    expect(await db.commentVote.count({ where: { commentId: id } })).toBe(0);
  });

  it("refuses a vote on your own comment, on hidden comments, on closed stories, and from the signed out", async () => {
    const made = await post(alice, { articleId: story });
    if (!made.ok) throw new Error(made.message);
    expect(await voteComment(alice, { commentId: made.commentId, value: 1 })).toMatchObject({
      code: "own_comment",
    });
    expect(await voteComment(null, { commentId: made.commentId, value: 1 })).toMatchObject({
      code: "unauthenticated",
    });
    const deleted = await buildComment(db, { articleId: story, authorId: alice, status: "DELETED" });
    expect(await voteComment(bob, { commentId: deleted.id, value: 1 })).toMatchObject({ code: "not_found" });
    const onClosed = await buildComment(db, { articleId: closedStory, authorId: alice });
    expect(await voteComment(bob, { commentId: onClosed.id, value: 1 })).toMatchObject({ code: "closed" });
    expect(await voteComment(bob, { commentId: made.commentId, value: 2 as never })).toMatchObject({
      code: "invalid",
    });
    expect((await stored(made.commentId)).score).toBe(0);
  });
});
