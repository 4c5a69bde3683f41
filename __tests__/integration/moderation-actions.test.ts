// The session layer (Auth.js, ESM-only) is not under test: every DAL call here names its actor.
jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

import { listAuditLog } from "@/lib/moderation/dal/audit-log";
import { moderateComment, moderateComments } from "@/lib/moderation/dal/decisions";
import { countQueues, listQueue } from "@/lib/moderation/dal/queues";
import { replyAsStaff } from "@/lib/moderation/dal/reply";
import { updateArticleControls } from "@/lib/moderation/dal/settings";
import { reportComment } from "@/lib/moderation/dal/reports";
import { auditRows, makeComment, makeStory, makeUser, testDb } from "../support/moderation-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

let story = "";
let author = "";
let mod = "";
beforeAll(async () => {
  story = await makeStory(db);
  author = await makeUser(db, { name: "Ana Author" });
  mod = await makeUser(db, { name: "Moe Moderator", role: "MODERATOR" });
});

const status = async (id: string) => (await db.comment.findUniqueOrThrow({ where: { id } })).status;

describe("each decision changes the comment and writes exactly one audit record", () => {
  it.each([
    ["approve", "PENDING", "PUBLISHED", {}],
    ["reject", "PENDING", "REJECTED", { reason: "ABUSE", note: "name-calling" }],
    ["reject", "PUBLISHED", "REJECTED", { reason: "OFF_TOPIC" }],
    ["spam", "PUBLISHED", "SPAM", {}],
    ["spam", "REJECTED", "SPAM", {}],
    ["restore", "REJECTED", "PUBLISHED", {}],
    ["restore", "SPAM", "PUBLISHED", {}],
  ] as const)("%s: %s → %s", async (decision, from, to, extra) => {
    const id = await makeComment(db, { articleId: story, authorId: author, status: from });
    const result = await moderateComment(mod, { commentId: id, decision, ...extra });
    expect(result).toEqual({ ok: true, commentId: id, articleId: story, status: to });
    expect(await status(id)).toBe(to);
    const rows = await auditRows(db, { targetId: id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: mod,
      actorName: "Moe Moderator",
      action: `comment.${decision}`,
      targetType: "comment",
      subjectUserId: author,
      articleId: story,
      before: from,
      after: to,
      note: "note" in extra ? extra.note : null,
    });
    if (decision === "reject") expect(rows[0].reason).toBeTruthy();
  });

  it("feature, unfeature, pin, unpin flip the flags and log them", async () => {
    const id = await makeComment(db, { articleId: story, authorId: author });
    for (const [decision, after] of [
      ["feature", "PUBLISHED, featured"],
      ["pin", "PUBLISHED, featured, pinned"],
      ["unfeature", "PUBLISHED, pinned"],
      ["unpin", "PUBLISHED"],
    ] as const) {
      expect((await moderateComment(mod, { commentId: id, decision })).ok).toBe(true);
      const last = (await auditRows(db, { targetId: id })).at(-1)!;
      expect([last.action, last.after]).toEqual([`comment.${decision}`, after]);
    }
    expect(await auditRows(db, { targetId: id })).toHaveLength(4);
  });

  it("refuses decisions that do not apply, and writes nothing", async () => {
    const published = await makeComment(db, { articleId: story, authorId: author });
    const reply = await makeComment(db, {
      articleId: story,
      authorId: author,
      parentId: published,
      depth: 2,
    });
    const deleted = await makeComment(db, { articleId: story, authorId: author, status: "DELETED" });
    expect(await moderateComment(mod, { commentId: published, decision: "approve" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await moderateComment(mod, { commentId: published, decision: "restore" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await moderateComment(mod, { commentId: reply, decision: "pin" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await moderateComment(mod, { commentId: deleted, decision: "spam" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await moderateComment(mod, { commentId: published, decision: "reject" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: expect.any(Array) },
    });
    expect(
      await moderateComment(mod, { commentId: published, decision: "reject", reason: "OTHER" }),
    ).toMatchObject({ ok: false, fieldErrors: { note: expect.any(Array) } });
    expect(await moderateComment(mod, { commentId: "nope", decision: "approve" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await moderateComment(mod, { commentId: "bad id!", decision: "approve" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await moderateComment(mod, { commentId: published, decision: "explode" as never })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await auditRows(db, { targetId: { in: [published, reply, deleted] } })).toHaveLength(0);
  });

  it("lets only one of two simultaneous approvals through (one record)", async () => {
    const id = await makeComment(db, { articleId: story, authorId: author, status: "PENDING" });
    const other = await makeUser(db, { role: "ADMIN" });
    const results = await Promise.all([
      moderateComment(mod, { commentId: id, decision: "approve" }),
      moderateComment(other, { commentId: id, decision: "approve" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await auditRows(db, { targetId: id })).toHaveLength(1);
  });
});

describe("bulk decisions", () => {
  it("applies to each selected comment, skipping the ones it does not fit, one record each", async () => {
    const a = await makeComment(db, { articleId: story, authorId: author, status: "PENDING" });
    const b = await makeComment(db, { articleId: story, authorId: author, status: "PENDING" });
    const c = await makeComment(db, { articleId: story, authorId: author, status: "PUBLISHED" });
    const result = await moderateComments(mod, { commentIds: [a, b, c, a], decision: "approve" });
    expect(result).toMatchObject({
      ok: true,
      done: [{ commentId: a }, { commentId: b }],
      skipped: [{ commentId: c }],
    });
    expect(await auditRows(db, { targetId: { in: [a, b, c] } })).toHaveLength(2);
    expect(await moderateComments(mod, { commentIds: [], decision: "approve" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await moderateComments(mod, { commentIds: [a], decision: "reject" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});

describe("staff reply", () => {
  it("publishes under the moderator's name in the thread, following the depth rule", async () => {
    const top = await makeComment(db, { articleId: story, authorId: author });
    const r = await replyAsStaff(mod, { commentId: top, body: "  Please keep it civil.  " });
    expect(r).toMatchObject({ ok: true, articleId: story });
    const reply = await db.comment.findUniqueOrThrow({
      where: { id: (r as { commentId: string }).commentId },
    });
    expect(reply).toMatchObject({
      authorId: mod,
      parentId: top,
      threadId: top,
      depth: 2,
      status: "PUBLISHED",
      body: "Please keep it civil.",
    });
    expect(await auditRows(db, { action: "comment.staff_reply", targetId: reply.id })).toHaveLength(1);
    const d2 = await makeComment(db, { articleId: story, authorId: author, parentId: top, depth: 2 });
    const d3 = await db.comment.create({
      data: { articleId: story, authorId: author, parentId: d2, threadId: top, depth: 3, body: "deep" },
    });
    const deep = await replyAsStaff(mod, { commentId: d3.id, body: "Noted." });
    const deepRow = await db.comment.findUniqueOrThrow({
      where: { id: (deep as { commentId: string }).commentId },
    });
    expect(deepRow).toMatchObject({ parentId: d2, depth: 3, replyToId: d3.id, threadId: top });
    const pending = await makeComment(db, { articleId: story, authorId: author, status: "PENDING" });
    expect(await replyAsStaff(mod, { commentId: pending, body: "x" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await replyAsStaff(mod, { commentId: top, body: "   " })).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});

describe("reports", () => {
  it("hides a published comment at the threshold, into Reported; approving it resolves the reports", async () => {
    const reporters = [await makeUser(db), await makeUser(db), await makeUser(db)];
    const id = await makeComment(db, { articleId: story, authorId: author });
    expect(await reportComment(reporters[0], { commentId: id, reason: "ABUSE", note: "rude" })).toEqual({
      ok: true,
      commentId: id,
      articleId: story,
      hidden: false,
    });
    expect(await reportComment(reporters[0], { commentId: id, reason: "SPAM" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await reportComment(author, { commentId: id, reason: "SPAM" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await reportComment(reporters[1], { commentId: id, reason: "LOUD" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    await reportComment(reporters[1], { commentId: id, reason: "SPAM" });
    expect(await status(id)).toBe("PUBLISHED");
    const queued = await listQueue(mod, { queue: "reported", articleId: story });
    expect(queued.ok && queued.items.map((i) => i.id)).toContain(id);
    expect(await reportComment(reporters[2], { commentId: id, reason: "OTHER" })).toMatchObject({
      ok: true,
      hidden: true,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PENDING",
      reportCount: 3,
      moderationReason: "reports:3",
    });
    expect(await auditRows(db, { targetId: id })).toMatchObject([
      { action: "comment.auto_hide", actorId: null, before: "PUBLISHED", after: "PENDING" },
    ]);
    // Hidden by reports: in Reported (with the reports), not in Pending.
    const reported = await listQueue(mod, { queue: "reported", articleId: story });
    const pending = await listQueue(mod, { queue: "pending", articleId: story });
    expect(reported.ok && reported.items.find((i) => i.id === id)?.reports).toHaveLength(3);
    expect(pending.ok && pending.items.map((i) => i.id)).not.toContain(id);
    // A hidden comment can no longer be reported.
    expect(await reportComment(await makeUser(db), { commentId: id, reason: "SPAM" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await moderateComment(mod, { commentId: id, decision: "approve" })).toMatchObject({
      ok: true,
      status: "PUBLISHED",
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      reportCount: 0,
      moderationReason: null,
    });
    expect(await db.commentReport.count({ where: { commentId: id, resolvedAt: null } })).toBe(0);
  });

  it("follows the site's threshold", async () => {
    await db.siteSettings.upsert({
      where: { id: "site" },
      create: { id: "site", reportThreshold: 1 },
      update: { reportThreshold: 1 },
    });
    const id = await makeComment(db, { articleId: story, authorId: author });
    expect(await reportComment(await makeUser(db), { commentId: id, reason: "SPAM" })).toMatchObject({
      hidden: true,
    });
    await db.siteSettings.deleteMany();
  });
});

describe("queues, counts and the log", () => {
  it("counts each queue, filters by story and pages newest first with keysets", async () => {
    const quiet = await makeStory(db);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        await makeComment(db, {
          articleId: quiet,
          authorId: author,
          status: "PENDING",
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
          moderationReason: "links:3",
        }),
      );
    const counts = await countQueues(mod, quiet);
    expect(counts).toEqual({
      ok: true,
      counts: expect.objectContaining({ pending: 5, reported: 0, rejected: 0, spam: 0, all: 5 }),
    });
    const first = await listQueue(mod, { queue: "pending", articleId: quiet, limit: 2 });
    if (!first.ok) throw new Error(first.message);
    expect(first.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    expect(first.items[0]).toMatchObject({
      moderationReason: "links:3",
      article: { id: quiet },
      author: { id: author, comments: expect.any(Number) },
    });
    const second = await listQueue(mod, {
      queue: "pending",
      articleId: quiet,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.ok && second.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const garbage = await listQueue(mod, { queue: "pending", articleId: quiet, limit: 2, cursor: "!!" });
    expect(garbage.ok && garbage.items[0].id).toBe(ids[4]);
  });

  it("shows the comment a reply answers", async () => {
    const top = await makeComment(db, { articleId: story, authorId: mod, body: "The question" });
    const reply = await makeComment(db, {
      articleId: story,
      authorId: author,
      parentId: top,
      depth: 2,
      status: "PENDING",
      createdAt: new Date(Date.now() + 60_000),
    });
    const page = await listQueue(mod, { queue: "pending", articleId: story, limit: 1 });
    expect(page.ok && page.items[0]).toMatchObject({
      id: reply,
      inReplyTo: { id: top, body: "The question", authorName: "Moe Moderator" },
    });
  });

  it("per-story controls are logged as close / reopen / settings", async () => {
    const s = await makeStory(db);
    const base = { articleId: s, autoCloseDays: "", slowModeSeconds: "30", premoderation: "SITE" };
    expect(await updateArticleControls(mod, { ...base, commentsClosed: "on" })).toMatchObject({ ok: true });
    expect(await updateArticleControls(mod, { ...base, commentsClosed: "" })).toMatchObject({ ok: true });
    expect(
      await updateArticleControls(mod, { ...base, commentsClosed: "", premoderation: "ALL" }),
    ).toMatchObject({ ok: true });
    expect(
      await updateArticleControls(mod, { ...base, commentsClosed: "", slowModeSeconds: "-1" }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect((await auditRows(db, { articleId: s })).map((r) => r.action)).toEqual([
      "article.close",
      "article.reopen",
      "article.settings",
    ]);
    expect(await db.article.findUniqueOrThrow({ where: { id: s } })).toMatchObject({
      slowModeSeconds: 30,
      premoderation: "ALL",
      commentsClosed: false,
    });
    const log = await listAuditLog(mod, { articleId: s, action: "article.close" });
    expect(log.ok && log.items).toHaveLength(1);
  });
});

describe("the audit log outlives what it names", () => {
  it("keeps its records when the comment, its story and the moderator are gone", async () => {
    const s = await makeStory(db);
    const tempMod = await makeUser(db, { name: "Temp Mod", role: "MODERATOR" });
    const id = await makeComment(db, { articleId: s, authorId: author, status: "PENDING" });
    await moderateComment(tempMod, { commentId: id, decision: "approve" });
    await db.article.delete({ where: { id: s } });
    await db.user.delete({ where: { id: tempMod } });
    expect(await db.comment.findUnique({ where: { id } })).toBeNull();
    expect(await auditRows(db, { targetId: id })).toMatchObject([
      { action: "comment.approve", actorName: "Temp Mod", articleId: s },
    ]);
  });
});
