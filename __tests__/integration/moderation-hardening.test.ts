// Hardening of the moderation DAL against a real database: reports that cannot be stuffed, sanctions
// that follow the address, automatic decisions in the audit log, appeals that respect the record in
// force and the author's standing, and reports only where comments can still change.
jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

import { createCommentRateLimiter } from "@/lib/comments/rate-limit";
import { deleteUserAccount } from "@/lib/accounts/dal/account";
import { exportUserData } from "@/lib/accounts/dal/account-export";
import {
  decideAppeal,
  HELD_OUTCOME,
  listAppealOptions,
  listMyAppeals,
  STALE_OUTCOME,
  submitAppeal,
} from "@/lib/moderation/dal/appeals";
import { createComment } from "@/lib/comments/dal/writes";
import { listCommentPage } from "@/lib/comments/dal/comments";
import { moderateComment } from "@/lib/moderation/dal/decisions";
import { listQueue } from "@/lib/moderation/dal/queues";
import { reportComment } from "@/lib/moderation/dal/reports";
import { CARRIED_OVER_NOTE, createSignInUser } from "@/lib/moderation/dal/sanctioned-addresses";
import { applySanction, liftSanction } from "@/lib/moderation/dal/sanctions";
import { addressHash, normalizeAddress } from "@/lib/moderation/address-hash";
import { auditRows, makeComment, makeStory, makeUser, testDb } from "../support/moderation-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

let story = "";
let mod = "";
let admin = "";
let n = 0;
beforeAll(async () => {
  story = await makeStory(db);
  mod = await makeUser(db, { name: "Hard Moderator", role: "MODERATOR" });
  admin = await makeUser(db, { name: "Hard Admin", role: "ADMIN" });
});

const statusOf = async (id: string) => (await db.comment.findUniqueOrThrow({ where: { id } })).status;
const report = (reporter: string, commentId: string) =>
  reportComment(reporter, { commentId, reason: "ABUSE" });
const address = () => `person${++n}.${Date.now()}@example.test`;
const signUp = (email: string) => createSignInUser({ email, emailVerified: new Date() });

describe("item 2: reports cannot be stuffed", () => {
  it("one person reporting, deleting the account and signing up again counts once; the reports stay queued", async () => {
    const author = await makeUser(db);
    const c = await makeComment(db, { articleId: story, authorId: author });
    const email = address();
    for (let i = 0; i < 3; i++) {
      const me = await signUp(email);
      expect(await report(me.id, c)).toMatchObject({ ok: true, hidden: false });
      if (i < 2) expect(await deleteUserAccount(me.id)).toMatchObject({ ok: true });
    }
    expect(await statusOf(c)).toBe("PUBLISHED");
    // The deleted accounts' reports are kept for the moderators, without a reporter.
    expect(await db.commentReport.count({ where: { commentId: c, resolvedAt: null } })).toBe(3);
    expect(await db.commentReport.count({ where: { commentId: c, reporterId: null } })).toBe(2);
    const queue = await listQueue(mod, { queue: "reported", articleId: story });
    expect(queue.ok && queue.items.find((i) => i.id === c)?.reports).toHaveLength(3);
  });

  it("a sanctioned reporter's reports stop counting", async () => {
    const author = await makeUser(db);
    const c = await makeComment(db, { articleId: story, authorId: author });
    const [r1, r2, r3, r4] = [await makeUser(db), await makeUser(db), await makeUser(db), await makeUser(db)];
    await report(r1, c);
    await report(r2, c);
    await applySanction(mod, { userId: r1, sanction: "suspend", hours: 24, reason: "Brigading reports" });
    expect(await report(r3, c)).toMatchObject({ ok: true, hidden: false });
    expect(await report(r4, c)).toMatchObject({ ok: true, hidden: true });
    expect(await db.comment.findUniqueOrThrow({ where: { id: c } })).toMatchObject({
      status: "PENDING",
      moderationReason: "reports:3",
      reportCount: 4,
    });
  });

  it("a reporter whose reports moderators keep dismissing hides nothing, but still reaches the queue", async () => {
    const author = await makeUser(db);
    const crier = await makeUser(db, { name: "Wolf Crier" });
    // Three reports of theirs dismissed (the comments approved), none upheld.
    for (let i = 0; i < 3; i++) {
      const fine = await makeComment(db, { articleId: story, authorId: author });
      await report(crier, fine);
      expect(await moderateComment(mod, { commentId: fine, decision: "approve" })).toMatchObject({
        ok: true,
      });
    }
    expect(await db.commentReport.count({ where: { reporterId: crier, outcome: "DISMISSED" } })).toBe(3);
    const c = await makeComment(db, { articleId: story, authorId: author });
    await report(crier, c);
    await report(await makeUser(db), c);
    expect(await report(await makeUser(db), c)).toMatchObject({ ok: true, hidden: false });
    const queue = await listQueue(mod, { queue: "reported", articleId: story });
    expect(queue.ok && queue.items.find((i) => i.id === c)?.reports.map((r) => r.reporterName)).toContain(
      "Wolf Crier",
    );
    expect(await report(await makeUser(db), c)).toMatchObject({ ok: true, hidden: true });
  });

  it("reports on a reader's comment upheld by a moderator keep a reporter trusted", async () => {
    const author = await makeUser(db);
    const keen = await makeUser(db);
    for (const decision of ["approve", "approve", "approve", "reject", "reject", "reject"] as const) {
      const c = await makeComment(db, { articleId: story, authorId: author });
      await report(keen, c);
      await moderateComment(mod, { commentId: c, decision, reason: "RULES" });
    }
    const c = await makeComment(db, { articleId: story, authorId: author });
    await report(keen, c);
    await report(await makeUser(db), c);
    expect(await report(await makeUser(db), c)).toMatchObject({ hidden: true });
  });

  it("never hides a moderator's or an admin's comment; the reports still reach the queue", async () => {
    for (const staff of [mod, admin]) {
      const c = await makeComment(db, { articleId: story, authorId: staff });
      for (let i = 0; i < 4; i++)
        expect(await report(await makeUser(db), c)).toMatchObject({ hidden: false });
      expect(await db.comment.findUniqueOrThrow({ where: { id: c } })).toMatchObject({
        status: "PUBLISHED",
        reportCount: 4,
      });
      const queue = await listQueue(mod, { queue: "reported", articleId: story });
      expect(queue.ok && queue.items.map((i) => i.id)).toContain(c);
    }
  });
});

describe("item 3: sanctions follow the address", () => {
  it("normalizes the address: lower case, +tag removed, dots kept", () => {
    expect(normalizeAddress(" Name+x@Example.com ")).toBe("name@example.com");
    expect(normalizeAddress("first.last+a+b@Mail.TEST")).toBe("first.last@mail.test");
    expect(addressHash("Name+x@Example.com", "k".repeat(32))).toBe(
      addressHash("name@example.com", "k".repeat(32)),
    );
    expect(addressHash("name@example.com", "k".repeat(32))).not.toBe(
      addressHash("na.me@example.com", "k".repeat(32)),
    );
    expect(addressHash("name@example.com", "k".repeat(32))).not.toBe(
      addressHash("name@example.com", "j".repeat(32)),
    );
  });

  it("a banned reader who deletes the account and signs up as Name+x@Example.com is banned again", async () => {
    const local = `name${++n}x${Date.now()}`;
    const first = await signUp(`${local}@example.com`);
    expect(
      await applySanction(mod, { userId: first.id, sanction: "ban", reason: "Spam network" }),
    ).toMatchObject({
      ok: true,
    });
    // Nothing in the list names the address.
    const listed = await db.sanctionedAddress.findMany();
    expect(JSON.stringify(listed)).not.toContain(local);
    expect(await deleteUserAccount(first.id)).toMatchObject({ ok: true });
    const again = await signUp(`${local[0].toUpperCase()}${local.slice(1)}+x@Example.com`);
    expect(await db.user.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: "BANNED",
      statusReason: "Spam network",
    });
    // Logged as the system's decision, and appealable like any ban.
    const [record] = await auditRows(db, { subjectUserId: again.id });
    expect(record).toMatchObject({
      action: "user.ban",
      actorId: null,
      reason: "Spam network",
      note: CARRIED_OVER_NOTE,
    });
    expect(await listAppealOptions(again.id)).toEqual([
      { target: `sanction:${record.id}`, label: "Your ban" },
    ]);
  });

  it("a suspension carries its until; once it has passed, a new account is not suspended", async () => {
    const email = address();
    const first = await signUp(email);
    const now = new Date();
    await applySanction(mod, { userId: first.id, sanction: "suspend", hours: 48, reason: "Heated" }, now);
    await deleteUserAccount(first.id);
    const again = await signUp(email.toUpperCase());
    expect(await db.user.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: "SUSPENDED",
      suspendedUntil: new Date(now.getTime() + 48 * 3_600_000),
      statusReason: "Heated",
    });
    await deleteUserAccount(again.id);
    const later = await createSignInUser({ email }, new Date(now.getTime() + 49 * 3_600_000));
    expect(await db.user.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({ status: "ACTIVE" });
  });

  it("an unsanctioned or lifted address is unaffected", async () => {
    const plain = await signUp(address());
    expect(await db.user.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({ status: "ACTIVE" });
    expect(await auditRows(db, { subjectUserId: plain.id })).toEqual([]);

    const email = address();
    const lifted = await signUp(email);
    await applySanction(mod, { userId: lifted.id, sanction: "ban", reason: "Mistake" });
    await liftSanction(mod, { userId: lifted.id, sanction: "ban" });
    await deleteUserAccount(lifted.id);
    const again = await signUp(email);
    expect(await db.user.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ status: "ACTIVE" });
  });

  it("rejected and reported comments keep their text for moderators after the account is gone", async () => {
    const quiet = await makeStory(db);
    const leaving = await makeUser(db);
    const rejected = await makeComment(db, { articleId: quiet, authorId: leaving, body: "Rejected words" });
    await moderateComment(mod, { commentId: rejected, decision: "reject", reason: "RULES" });
    const reported = await makeComment(db, { articleId: quiet, authorId: leaving, body: "Reported words" });
    await report(await makeUser(db), reported);
    const reply = await makeComment(db, {
      articleId: quiet,
      authorId: await makeUser(db),
      parentId: reported,
      depth: 2,
    });
    await db.comment.update({ where: { id: reply }, data: { threadId: reported } });
    const plain = await makeComment(db, { articleId: quiet, authorId: leaving, body: "Plain words" });

    const exported = await exportUserData(leaving);
    expect(exported.ok && exported.data.onDeletion).toMatch(/keep their text for the moderators/);
    expect(await deleteUserAccount(leaving)).toMatchObject({ ok: true });

    expect(await db.comment.findUniqueOrThrow({ where: { id: rejected } })).toMatchObject({
      status: "REJECTED",
      body: "Rejected words",
      authorId: null,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: reported } })).toMatchObject({
      status: "DELETED",
      body: "Reported words",
      authorId: null,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: plain } })).toMatchObject({
      status: "DELETED",
      body: "",
    });
    // Moderators read the text in their queues.
    const rq = await listQueue(mod, { queue: "rejected", articleId: quiet });
    expect(rq.ok && rq.items.map((i) => i.body)).toEqual(["Rejected words"]);
    const pq = await listQueue(mod, { queue: "reported", articleId: quiet });
    expect(pq.ok && pq.items.map((i) => i.body)).toEqual(["Reported words"]);
    // Readers see "[deleted]" with no text.
    const page = await listCommentPage(quiet);
    expect(page.threads.map((t) => [t.comment.id, t.comment.deleted, t.comment.body])).toEqual([
      [reported, true, null],
    ]);
    expect(JSON.stringify(page)).not.toContain("words");
    // Rejecting it keeps the evidence; it leaves the Reported queue.
    expect(
      await moderateComment(mod, { commentId: reported, decision: "reject", reason: "RULES" }),
    ).toMatchObject({
      ok: true,
      status: "REJECTED",
    });
    expect(await db.commentReport.count({ where: { commentId: reported, outcome: "UPHELD" } })).toBe(1);
  });

  it("dismissing the reports on a departed reader's comment lets its text go", async () => {
    const leaving = await makeUser(db);
    const c = await makeComment(db, { articleId: story, authorId: leaving, body: "Borderline" });
    await report(await makeUser(db), c);
    await deleteUserAccount(leaving);
    expect(await moderateComment(mod, { commentId: c, decision: "approve" })).toMatchObject({ ok: true });
    expect(await db.comment.findUniqueOrThrow({ where: { id: c } })).toMatchObject({
      status: "DELETED",
      body: "",
      reportCount: 0,
    });
  });
});

describe("item 5: automatic decisions are in the audit log", () => {
  const limiter = createCommentRateLimiter({ store: "memory", perMinute: 10_000, perDay: 10_000 });
  const settings = (data: Record<string, unknown>) =>
    db.siteSettings.upsert({ where: { id: "site" }, create: data, update: data });
  afterEach(() => settings({ premoderation: "OFF", suspectWords: "", bannedWords: "", autoCloseDays: null }));

  it("logs every rule hold and banned-word rejection as the system's, with the rule", async () => {
    const author = await makeUser(db);
    await settings({ suspectWords: "grift", bannedWords: "slur" });
    const links = await createComment(
      author,
      { articleId: story, body: "See http://a.test http://b.test http://c.test" },
      { limiter },
    );
    const suspect = await createComment(
      author,
      { articleId: story, body: "What a grift this is" },
      { limiter },
    );
    const banned = await createComment(author, { articleId: story, body: "A slur, plainly" }, { limiter });
    await settings({ premoderation: "ALL", suspectWords: "", bannedWords: "" });
    const held = await createComment(author, { articleId: story, body: "Plain and held" }, { limiter });
    const plain = await settings({ premoderation: "OFF" }).then(() =>
      createComment(author, { articleId: story, body: "Plain and published" }, { limiter }),
    );
    expect([links, suspect, held, plain].map((r) => r.ok && r.status)).toEqual([
      "PENDING",
      "PENDING",
      "PENDING",
      "PUBLISHED",
    ]);
    expect(banned).toMatchObject({ ok: false, code: "rejected" });
    const rows = await auditRows(db, { subjectUserId: author });
    expect(rows.map((r) => [r.action, r.actorId, r.after, r.reason])).toEqual([
      ["comment.auto_hold", null, "PENDING", "links:3"],
      ["comment.auto_hold", null, "PENDING", "suspect-word:grift"],
      ["comment.auto_reject", null, "REJECTED", "banned-word:slur"],
      ["comment.auto_hold", null, "PENDING", "premoderate:site"],
    ]);
  });

  it("logs the auto-hide by reports with the rule", async () => {
    const c = await makeComment(db, { articleId: story, authorId: await makeUser(db) });
    for (let i = 0; i < 3; i++) await report(await makeUser(db), c);
    expect(await auditRows(db, { targetId: c })).toMatchObject([
      {
        action: "comment.auto_hide",
        actorId: null,
        before: "PUBLISHED",
        after: "PENDING",
        reason: "reports:3",
      },
    ]);
  });

  it("logs an auto-close once, the first time a write is refused because of it", async () => {
    const old = await makeStory(db, { publishedAt: new Date(Date.now() - 10 * 86_400_000) });
    await db.article.update({ where: { id: old }, data: { autoCloseDays: 3 } });
    const author = await makeUser(db);
    expect(await auditRows(db, { articleId: old })).toEqual([]);
    for (let i = 0; i < 2; i++)
      expect(
        await createComment(author, { articleId: old, body: `Too late, take ${i}` }, { limiter }),
      ).toMatchObject({ ok: false, code: "closed" });
    expect(await auditRows(db, { articleId: old })).toMatchObject([
      { action: "article.auto_close", actorId: null, targetId: old, reason: "auto-close:3d:article" },
    ]);
    // A story a moderator closed was logged by the moderator: nothing automatic to add.
    const closed = await makeStory(db);
    await db.article.update({ where: { id: closed }, data: { commentsClosed: true } });
    await createComment(author, { articleId: closed, body: "Closed by hand" }, { limiter });
    expect(await auditRows(db, { articleId: closed })).toEqual([]);
  });
});

describe("item 7: an upheld appeal does not publish a banned author's comment", () => {
  it("keeps it held, records the decision and tells the appellant why", async () => {
    const u = await makeUser(db);
    const c = await makeComment(db, { articleId: story, authorId: u, status: "REJECTED" });
    const appeal = await submitAppeal(u, { target: `comment:${c}`, text: "It was a fair quotation." });
    if (!appeal.ok) throw new Error(appeal.message);
    await applySanction(mod, { userId: u, sanction: "ban", reason: "Spam" });
    expect(await decideAppeal(mod, { appealId: appeal.appealId, uphold: true })).toMatchObject({
      ok: true,
      message: HELD_OUTCOME,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: c } })).toMatchObject({ status: "PENDING" });
    expect(await auditRows(db, { targetId: appeal.appealId })).toMatchObject([
      { action: "appeal.uphold", before: "REJECTED", after: "PENDING" },
    ]);
    expect(await listMyAppeals(u)).toMatchObject([{ status: "UPHELD", outcome: HELD_OUTCOME }]);
  });

  it("still publishes it when the author may post", async () => {
    const u = await makeUser(db);
    const c = await makeComment(db, { articleId: story, authorId: u, status: "REJECTED" });
    const appeal = await submitAppeal(u, { target: `comment:${c}`, text: "It was a fair quotation." });
    if (!appeal.ok) throw new Error(appeal.message);
    const decided = await decideAppeal(mod, { appealId: appeal.appealId, uphold: true });
    expect(decided).toMatchObject({ ok: true });
    expect(decided.ok && decided.message).toBeUndefined();
    expect(await statusOf(c)).toBe("PUBLISHED");
  });
});

describe("item 11: appeals name the record in force; reports only where comments can change", () => {
  it("a reader sanctioned twice can appeal only the record in force", async () => {
    const u = await makeUser(db);
    const first = (await applySanction(mod, { userId: u, sanction: "suspend", hours: 5, reason: "One" })) as {
      auditId: string;
    };
    const second = (await applySanction(mod, {
      userId: u,
      sanction: "suspend",
      hours: 48,
      reason: "Two",
    })) as {
      auditId: string;
    };
    expect(
      await submitAppeal(u, { target: `sanction:${first.auditId}`, text: "The first one was unfair." }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(await listAppealOptions(u)).toEqual([
      { target: `sanction:${second.auditId}`, label: "Your suspension" },
    ]);
    expect(
      await submitAppeal(u, { target: `sanction:${second.auditId}`, text: "The second one too, honestly." }),
    ).toMatchObject({ ok: true });
  });

  it("upholding an appeal against a record no longer in force changes nothing and says so", async () => {
    const u = await makeUser(db);
    const first = (await applySanction(mod, { userId: u, sanction: "suspend", hours: 5, reason: "One" })) as {
      auditId: string;
    };
    const appeal = await submitAppeal(u, {
      target: `sanction:${first.auditId}`,
      text: "The first one was unfair.",
    });
    if (!appeal.ok) throw new Error(appeal.message);
    const now = new Date();
    await applySanction(admin, { userId: u, sanction: "suspend", hours: 48, reason: "Two" }, now);
    expect(await decideAppeal(mod, { appealId: appeal.appealId, uphold: true })).toMatchObject({
      ok: true,
      message: STALE_OUTCOME,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: u } })).toMatchObject({
      status: "SUSPENDED",
      suspendedUntil: new Date(now.getTime() + 48 * 3_600_000),
      statusReason: "Two",
    });
    const [record] = await auditRows(db, { targetId: appeal.appealId });
    expect(record.before).toBe(record.after);
    expect(await listMyAppeals(u)).toMatchObject([{ status: "UPHELD", outcome: STALE_OUTCOME }]);
  });

  it("refuses reports on comments of unpublished or closed stories", async () => {
    const author = await makeUser(db);
    const reporter = await makeUser(db);
    const closed = await makeStory(db);
    const onClosed = await makeComment(db, { articleId: closed, authorId: author });
    await db.article.update({ where: { id: closed }, data: { commentsClosed: true } });
    expect(await report(reporter, onClosed)).toMatchObject({ ok: false, code: "closed" });
    const draft = await makeStory(db);
    const onDraft = await makeComment(db, { articleId: draft, authorId: author });
    await db.article.update({ where: { id: draft }, data: { status: "DRAFT" } });
    expect(await report(reporter, onDraft)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.commentReport.count({ where: { commentId: { in: [onClosed, onDraft] } } })).toBe(0);
  });
});
