// An edit meets the rules a new comment meets, and the moderators see what it changed; a comment a
// moderator still has to read can be withdrawn by its author but neither blanked nor rewritten.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { createCommentRateLimiter } from "@/lib/comments/rate-limit";
import { deleteUserAccount } from "@/lib/accounts/dal/account";
import { decideAppeal, submitAppeal } from "@/lib/moderation/dal/appeals";
import { createComment, deleteComment, editComment, UNDER_REVIEW_MESSAGE } from "@/lib/comments/dal/writes";
import { countComments, listCommentPage, listOwnHiddenComments } from "@/lib/comments/dal/comments";
import { moderateComment } from "@/lib/moderation/dal/decisions";
import { listQueue } from "@/lib/moderation/dal/queues";
import { reportComment } from "@/lib/moderation/dal/reports";
import { BANNED_WORD_MESSAGE, PENDING_MESSAGE } from "@/lib/moderation/rules";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const limiter = createCommentRateLimiter({ store: "memory", perMinute: 10_000, perDay: 10_000 });
let n = 0;
const settings = (data: Record<string, unknown>) =>
  db.siteSettings.upsert({ where: { id: "site" }, create: data, update: data });
afterEach(() =>
  settings({ premoderation: "OFF", premoderateFirstN: 1, suspectWords: "", bannedWords: "", maxLinks: 2 }),
);

let story = "";
let mod = "";
beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput())).id;
  mod = (await buildUser(db, { name: "Mod", role: "MODERATOR" })).id;
});

/** A reader with one published comment (past a first-1 pre-moderation), and that comment. */
async function published(body = `An ordinary remark ${++n}`, user: Record<string, unknown> = {}) {
  const author = (await buildUser(db, user)).id;
  const made = await createComment(author, { articleId: story, body }, { limiter });
  if (!made.ok || made.status !== "PUBLISHED") throw new Error(`not published: ${JSON.stringify(made)}`);
  return { author, id: made.commentId, body };
}
const row = (id: string) => db.comment.findUniqueOrThrow({ where: { id } });
const queueItem = async (queue: "pending" | "reported" | "rejected" | "spam", id: string) => {
  const page = await listQueue(mod, { queue, articleId: story, limit: 100 });
  if (!page.ok) throw new Error(page.message);
  return page.items.find((i) => i.id === id);
};

describe("an edit meets the moderation rules", () => {
  it("is rejected for a banned word with the refusal a new comment gets, the first text kept", async () => {
    await settings({ bannedWords: "scoundrel" });
    const c = await published();
    const create = await createComment(
      c.author,
      { articleId: story, body: "A scoundrel wrote this" },
      { limiter },
    );
    const edit = await editComment(c.author, { commentId: c.id, body: "You are a scoundrel" });
    expect(edit).toEqual(create);
    expect(edit).toMatchObject({ ok: false, code: "rejected", message: BANNED_WORD_MESSAGE });
    expect(await row(c.id)).toMatchObject({
      status: "REJECTED",
      moderationReason: "banned-word:scoundrel",
      body: "You are a scoundrel",
      previousBody: c.body,
    });
    expect(await queueItem("rejected", c.id)).toMatchObject({ previousBody: c.body });
  });

  it.each([
    ["more links than allowed", {}, "See https://a.example https://b.example https://c.example", "links:3"],
    ["a suspect word", { suspectWords: "crooked" }, "The council is crooked", "suspect-word:crooked"],
    ["the site's pre-moderation", { premoderation: "ALL" }, "Just a changed remark", "premoderate:site"],
  ])(
    "is held for %s: PENDING, out of the thread, in the queue with its first text",
    async (_, rules, body, reason) => {
      const c = await published();
      await settings(rules);
      const before = await countComments(story);
      const edit = await editComment(c.author, { commentId: c.id, body });
      expect(edit).toMatchObject({ ok: true, status: "PENDING", message: PENDING_MESSAGE });
      expect(await row(c.id)).toMatchObject({
        status: "PENDING",
        moderationReason: reason,
        body,
        previousBody: c.body,
      });
      expect(await countComments(story)).toBe(before - 1);
      expect(await queueItem("pending", c.id)).toMatchObject({ body, previousBody: c.body });
    },
  );

  it("is held when the user was put under pre-moderation after posting", async () => {
    const c = await published();
    await db.user.update({ where: { id: c.author }, data: { premoderate: true } });
    expect(await editComment(c.author, { commentId: c.id, body: "Changed" })).toMatchObject({
      status: "PENDING",
    });
    expect(await row(c.id)).toMatchObject({ moderationReason: "premoderate:user" });
  });

  it("under new-user pre-moderation: stays published for a reader past the first N, held for one within", async () => {
    await settings({ premoderation: "NEW_USERS", premoderateFirstN: 1 });
    // Published once the moderator approved it: the reader is now past the first one.
    const author = (await buildUser(db)).id;
    const first = await createComment(author, { articleId: story, body: `First ever ${++n}` }, { limiter });
    if (!first.ok) throw new Error(first.message);
    expect(first.status).toBe("PENDING");
    expect(await moderateComment(mod, { commentId: first.commentId, decision: "approve" })).toMatchObject({
      ok: true,
    });
    expect(await editComment(author, { commentId: first.commentId, body: "First, amended" })).toMatchObject({
      ok: true,
      status: "PUBLISHED",
    });
    // With three to go through moderation, the same reader's edit waits.
    await settings({ premoderation: "NEW_USERS", premoderateFirstN: 3 });
    expect(
      await editComment(author, { commentId: first.commentId, body: "First, amended again" }),
    ).toMatchObject({
      ok: true,
      status: "PENDING",
    });
  });

  it("stays published for an ordinary change, keeping the first text through later edits", async () => {
    const c = await published();
    expect(await editComment(c.author, { commentId: c.id, body: "Second version" })).toMatchObject({
      ok: true,
      status: "PUBLISHED",
    });
    await editComment(c.author, { commentId: c.id, body: "Third version" });
    expect(await row(c.id)).toMatchObject({
      status: "PUBLISHED",
      body: "Third version",
      previousBody: c.body,
    });
  });

  it("staff skip the rules on edits as on new comments", async () => {
    await settings({ premoderation: "ALL" });
    const staff = (await buildUser(db, { role: "MODERATOR" })).id;
    const made = await createComment(staff, { articleId: story, body: `Staff note ${++n}` }, { limiter });
    if (!made.ok) throw new Error(made.message);
    expect(
      await editComment(staff, {
        commentId: made.commentId,
        body: "See https://a.b https://c.d https://e.f",
      }),
    ).toMatchObject({
      status: "PUBLISHED",
    });
  });
});

describe("a comment under review", () => {
  it("cannot be edited while held, for any reason (conflict, with its own message)", async () => {
    const reported = await published();
    await settings({ reportThreshold: 1 });
    try {
      const reporter = (await buildUser(db)).id;
      expect(await reportComment(reporter, { commentId: reported.id, reason: "ABUSE" })).toMatchObject({
        hidden: true,
      });
    } finally {
      await settings({ reportThreshold: 3 });
    }
    const held = await buildComment(db, {
      articleId: story,
      authorId: reported.author,
      status: "PENDING",
      moderationReason: "links:3",
    });
    for (const id of [reported.id, held.id]) {
      const before = (await row(id)).body;
      expect(await editComment(reported.author, { commentId: id, body: "Nothing to see here" })).toEqual({
        ok: false,
        code: "conflict",
        message: UNDER_REVIEW_MESSAGE,
      });
      expect(await row(id)).toMatchObject({ body: before, editedAt: null, previousBody: null });
    }
  });

  it.each(["REJECTED", "SPAM"] as const)(
    "%s: deleting withdraws it, the text stays for the moderators",
    async (status) => {
      const author = (await buildUser(db)).id;
      const c = await buildComment(db, { articleId: story, authorId: author, status, body: "The evidence" });
      expect(await deleteComment(author, { commentId: c.id })).toMatchObject({ ok: true, commentId: c.id });
      expect(await row(c.id)).toMatchObject({ status, body: "The evidence", withdrawnAt: expect.any(Date) });
      expect(await queueItem(status === "SPAM" ? "spam" : "rejected", c.id)).toMatchObject({
        body: "The evidence",
        withdrawnAt: expect.any(Date),
      });
      // Restoring it does not bring it back to readers: it is deleted for them, as its author asked.
      expect(await moderateComment(mod, { commentId: c.id, decision: "restore" })).toMatchObject({
        ok: true,
        status: "DELETED",
      });
      expect(await row(c.id)).toMatchObject({ status: "DELETED", body: "" });
    },
  );

  it("rejected and withdrawn: an upheld appeal deletes it rather than publishing it", async () => {
    const author = (await buildUser(db)).id;
    const c = await buildComment(db, {
      articleId: story,
      authorId: author,
      status: "REJECTED",
      body: "Appealed",
    });
    const appeal = await submitAppeal(author, { target: `comment:${c.id}`, text: "That was unfair of you." });
    if (!appeal.ok) throw new Error(appeal.message);
    expect(await deleteComment(author, { commentId: c.id })).toMatchObject({ ok: true });
    const appealId = (await db.appeal.findFirstOrThrow({ where: { target: `comment:${c.id}` } })).id;
    expect(await decideAppeal(mod, { appealId, uphold: true })).toMatchObject({ ok: true });
    expect(await row(c.id)).toMatchObject({ status: "DELETED", body: "" });
  });

  it("hidden by reports: deleting withdraws it; it stays in Reported with its text; approving deletes it", async () => {
    const author = (await buildUser(db)).id;
    const c = await buildComment(db, {
      articleId: story,
      authorId: author,
      status: "PENDING",
      moderationReason: "reports:3",
      reportCount: 3,
      body: "Reported words",
    });
    expect(await deleteComment(author, { commentId: c.id })).toMatchObject({ ok: true });
    expect(await row(c.id)).toMatchObject({
      status: "PENDING",
      body: "Reported words",
      withdrawnAt: expect.any(Date),
    });
    expect(await queueItem("reported", c.id)).toMatchObject({ body: "Reported words" });
    // Gone from the author's own "awaiting moderation" box.
    expect((await listOwnHiddenComments(author, story)).map((o) => o.comment.id)).not.toContain(c.id);
    const audit = await db.auditLog.findFirst({ where: { targetId: c.id, action: "comment.withdraw" } });
    expect(audit).toMatchObject({ actorId: author, before: "PENDING", after: "PENDING" });
    // A second delete (a double submit) is not an error and changes nothing.
    expect(await deleteComment(author, { commentId: c.id })).toMatchObject({ ok: true });
    expect(await moderateComment(mod, { commentId: c.id, decision: "approve" })).toMatchObject({
      status: "DELETED",
    });
    expect(await row(c.id)).toMatchObject({ status: "DELETED", body: "" });
  });

  it("reported but still shown: deleting takes it out of the thread into Reported, text kept", async () => {
    const c = await published("Words someone reported");
    const reporter = (await buildUser(db)).id;
    expect(await reportComment(reporter, { commentId: c.id, reason: "ABUSE" })).toMatchObject({
      hidden: false,
    });
    expect(await deleteComment(c.author, { commentId: c.id })).toMatchObject({ ok: true });
    expect(await row(c.id)).toMatchObject({
      status: "PENDING",
      moderationReason: "reports:1",
      body: "Words someone reported",
    });
    const ids = (await listCommentPage(story)).threads.map((t) => t.comment.id);
    expect(ids).not.toContain(c.id);
    expect(await queueItem("reported", c.id)).toMatchObject({ body: "Words someone reported" });
  });

  it("a published comment nobody reported is deleted as before: text and first text cleared", async () => {
    const c = await published();
    await editComment(c.author, { commentId: c.id, body: "Edited once" });
    expect(await deleteComment(c.author, { commentId: c.id })).toMatchObject({ ok: true });
    expect(await row(c.id)).toMatchObject({
      status: "DELETED",
      body: "",
      previousBody: null,
      withdrawnAt: null,
    });
  });

  it("deleting the account clears the first text of edited comments too", async () => {
    const c = await published();
    await editComment(c.author, { commentId: c.id, body: "Edited before leaving" });
    expect(await deleteUserAccount(c.author)).toMatchObject({ ok: true });
    expect(await row(c.id)).toMatchObject({ status: "DELETED", body: "", previousBody: null });
  });
});
