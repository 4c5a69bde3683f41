// The session layer (Auth.js, ESM-only) is not under test: every DAL call here names its actor.
jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

import { decideAppeal, listAppealOptions, listMyAppeals, submitAppeal } from "@/lib/moderation/dal/appeals";
import { applySanction, liftSanction, setUserRole } from "@/lib/moderation/dal/sanctions";
import { getUserDetail, searchUsers } from "@/lib/moderation/dal/users";
import { moderateComment } from "@/lib/moderation/dal/decisions";
import { loadViewer } from "@/lib/accounts/dal/users";
import { assignRoleByEmail } from "@/lib/moderation/roles";
import { auditRows, makeComment, makeStory, makeUser, testDb } from "../support/moderation-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

let story = "";
let mod = "";
let admin = "";
beforeAll(async () => {
  story = await makeStory(db);
  mod = await makeUser(db, { name: "Moe Moderator", role: "MODERATOR" });
  admin = await makeUser(db, { name: "Ada Admin", role: "ADMIN" });
});

const user = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

describe("sanctions", () => {
  it("suspends for a duration with a reason the user can read, then lifts it; one record each", async () => {
    const u = await makeUser(db);
    const now = new Date();
    expect(
      await applySanction(
        mod,
        { userId: u, sanction: "suspend", hours: "48", reason: "Repeated insults" },
        now,
      ),
    ).toMatchObject({ ok: true, userId: u });
    expect(await loadViewer(u)).toMatchObject({
      status: "SUSPENDED",
      statusReason: "Repeated insults",
      suspendedUntil: new Date(now.getTime() + 48 * 3_600_000),
    });
    expect(await liftSanction(mod, { userId: u, sanction: "suspend", note: "Apologised" })).toMatchObject({
      ok: true,
    });
    expect(await user(u)).toMatchObject({ status: "ACTIVE", suspendedUntil: null, statusReason: null });
    const rows = await auditRows(db, { subjectUserId: u });
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["user.suspend", mod],
      ["user.unsuspend", mod],
    ]);
    expect(rows[0]).toMatchObject({ before: "ACTIVE", reason: "Repeated insults" });
    expect(rows[0].after).toMatch(/^SUSPENDED until /);
    expect(rows[1]).toMatchObject({ after: "ACTIVE", note: "Apologised" });
    expect(await applySanction(mod, { userId: u, sanction: "suspend", reason: "no time" })).toMatchObject({
      ok: false,
      fieldErrors: { hours: expect.any(Array) },
    });
    expect(await liftSanction(mod, { userId: u, sanction: "suspend" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("bans, optionally rejecting every published and pending comment in one record", async () => {
    const u = await makeUser(db);
    const other = await makeStory(db);
    const c = [
      await makeComment(db, { articleId: story, authorId: u }),
      await makeComment(db, { articleId: other, authorId: u, status: "PENDING" }),
      await makeComment(db, { articleId: story, authorId: u, status: "DELETED" }),
    ];
    const result = await applySanction(admin, {
      userId: u,
      sanction: "ban",
      reason: "Spam network",
      rejectComments: "on",
    });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && [...result.articleIds].sort()).toEqual([story, other].sort());
    expect(await user(u)).toMatchObject({ status: "BANNED", statusReason: "Spam network" });
    const statuses = await db.comment.findMany({
      where: { id: { in: c } },
      select: { id: true, status: true, moderationReason: true },
    });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [c[0]]: "REJECTED",
      [c[1]]: "REJECTED",
      [c[2]]: "DELETED",
    });
    const rows = await auditRows(db, { subjectUserId: u });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "user.ban", after: "BANNED; 2 comments rejected" });
    expect(
      await applySanction(admin, { userId: u, sanction: "suspend", hours: 1, reason: "again" }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(await liftSanction(admin, { userId: u, sanction: "ban" })).toMatchObject({ ok: true });
    expect(await user(u)).toMatchObject({ status: "ACTIVE" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c[0] } })).status).toBe("REJECTED");
  });

  it("a ban without rejecting leaves the comments alone", async () => {
    const u = await makeUser(db);
    const c = await makeComment(db, { articleId: story, authorId: u });
    expect(await applySanction(mod, { userId: u, sanction: "ban", reason: "Threats" })).toMatchObject({
      ok: true,
      articleIds: [],
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c } })).status).toBe("PUBLISHED");
  });

  it("premoderates and shadow-bans, and lifts each; shadow-ban names the stories to refresh", async () => {
    const u = await makeUser(db);
    await makeComment(db, { articleId: story, authorId: u });
    expect(
      await applySanction(mod, { userId: u, sanction: "premoderate", reason: "Borderline" }),
    ).toMatchObject({ ok: true });
    expect(
      await applySanction(mod, { userId: u, sanction: "premoderate", reason: "Borderline" }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(await applySanction(mod, { userId: u, sanction: "shadowban", reason: "Troll" })).toMatchObject({
      ok: true,
      articleIds: [story],
    });
    expect(await user(u)).toMatchObject({ premoderate: true, shadowBanned: true });
    expect(await liftSanction(mod, { userId: u, sanction: "premoderate" })).toMatchObject({ ok: true });
    expect(await liftSanction(mod, { userId: u, sanction: "shadowban" })).toMatchObject({
      ok: true,
      articleIds: [story],
    });
    expect(await user(u)).toMatchObject({ premoderate: false, shadowBanned: false });
    expect((await auditRows(db, { subjectUserId: u })).map((r) => r.action)).toEqual([
      "user.premoderate",
      "user.shadowban",
      "user.unpremoderate",
      "user.unshadowban",
    ]);
  });

  it("staff cannot sanction themselves or an admin; only admins sanction moderators", async () => {
    const mod2 = await makeUser(db, { role: "MODERATOR" });
    const admin2 = await makeUser(db, { role: "ADMIN" });
    const s = { sanction: "ban", reason: "testing" } as const;
    expect(await applySanction(mod, { userId: mod, ...s })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await applySanction(mod, { userId: admin, ...s })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await applySanction(admin, { userId: admin2, ...s })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await applySanction(mod, { userId: mod2, ...s })).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await applySanction(admin, { userId: mod2, sanction: "suspend", hours: 1, reason: "cool off" }),
    ).toMatchObject({ ok: true });
    // A suspended moderator has no powers until it ends.
    expect(
      await applySanction(mod2, { userId: await makeUser(db), sanction: "premoderate", reason: "x y z" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await applySanction(mod, { userId: "missing", ...s })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("roles", () => {
  it("admins change others' roles (logged); nobody changes their own; moderators cannot", async () => {
    const u = await makeUser(db);
    expect(await setUserRole(admin, { userId: u, role: "MODERATOR" })).toEqual({ ok: true, userId: u });
    expect((await user(u)).role).toBe("MODERATOR");
    expect(await setUserRole(admin, { userId: u, role: "MODERATOR" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await setUserRole(admin, { userId: admin, role: "READER" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await setUserRole(mod, { userId: u, role: "READER" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await setUserRole(admin, { userId: u, role: "OWNER" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await auditRows(db, { subjectUserId: u, action: "user.role" })).toMatchObject([
      { before: "READER", after: "MODERATOR", actorId: admin },
    ]);
    // Demoted: the next call already fails.
    await setUserRole(admin, { userId: u, role: "READER" });
    expect(
      await applySanction(u, { userId: await makeUser(db), sanction: "premoderate", reason: "x y z" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("the CLI path creates the user when missing and logs it without an actor", async () => {
    const first = await assignRoleByEmail(db, "first-admin@example.test", "ADMIN");
    expect(first).toMatchObject({ created: true, before: null, after: "ADMIN" });
    const again = await assignRoleByEmail(db, "first-admin@example.test", "MODERATOR");
    expect(again).toMatchObject({
      created: false,
      before: "ADMIN",
      after: "MODERATOR",
      userId: first.userId,
    });
    expect(await auditRows(db, { subjectUserId: first.userId })).toMatchObject([
      { actorId: null, action: "user.role" },
      { actorId: null },
    ]);
  });

  it("finds users by name or e-mail and shows their record", async () => {
    const u = await makeUser(db, { name: "Zebedee Quarrel" });
    const found = await searchUsers(mod, { q: "zebedee" });
    expect(found.ok && found.items.map((i) => i.id)).toEqual([u]);
    const detail = await getUserDetail(mod, u);
    expect(detail).toMatchObject({
      ok: true,
      user: { history: { id: u, comments: 0 }, cannotSanction: null, canChangeRole: false },
    });
    expect(await getUserDetail(mod, admin)).toMatchObject({
      ok: true,
      user: { cannotSanction: expect.stringMatching(/Administrators/) },
    });
  });
});

describe("appeals", () => {
  it("a rejected comment's author appeals once; upholding restores it, logged", async () => {
    const u = await makeUser(db);
    const c = await makeComment(db, { articleId: story, authorId: u, status: "REJECTED" });
    const published = await makeComment(db, { articleId: story, authorId: u });
    expect(await listAppealOptions(u)).toEqual([
      { target: `comment:${c}`, label: expect.stringContaining("rejected comment") },
    ]);
    expect(
      await submitAppeal(u, { target: `comment:${published}`, text: "Please look again at this." }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(
      await submitAppeal(await makeUser(db), { target: `comment:${c}`, text: "Not mine but still." }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await submitAppeal(u, { target: `comment:${c}`, text: "short" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    const appeal = await submitAppeal(u, {
      target: `comment:${c}`,
      text: "It was a quotation from the story.",
    });
    expect(appeal).toMatchObject({ ok: true });
    expect(
      await submitAppeal(u, { target: `comment:${c}`, text: "Again, please look again." }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(await listAppealOptions(u)).toEqual([]);
    const appealId = (appeal as { appealId: string }).appealId;
    expect(await decideAppeal(u, { appealId, uphold: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await decideAppeal(mod, { appealId, uphold: "uphold", note: "Fair quote" })).toMatchObject({
      ok: true,
      articleId: story,
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c } })).status).toBe("PUBLISHED");
    expect(await decideAppeal(mod, { appealId, uphold: false })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await auditRows(db, { targetId: appealId })).toMatchObject([
      {
        action: "appeal.uphold",
        before: "REJECTED",
        after: "PUBLISHED",
        subjectUserId: u,
        note: "Fair quote",
      },
    ]);
    expect(await listMyAppeals(u)).toMatchObject([
      { status: "UPHELD", decisionNote: "Fair quote", about: expect.stringContaining("Your comment on") },
    ]);
  });

  it("a sanctioned user appeals the sanction in force; denial keeps it, upholding lifts it", async () => {
    const u = await makeUser(db);
    const ban = await applySanction(mod, { userId: u, sanction: "ban", reason: "Spam" });
    const auditId = (ban as { auditId: string }).auditId;
    expect(await listAppealOptions(u)).toEqual([{ target: `sanction:${auditId}`, label: "Your ban" }]);
    const a = (await submitAppeal(u, {
      target: `sanction:${auditId}`,
      text: "My account was hacked that day.",
    })) as { appealId: string };
    expect(
      await decideAppeal(mod, { appealId: a.appealId, uphold: false, note: "Evidence is clear" }),
    ).toMatchObject({ ok: true });
    expect((await user(u)).status).toBe("BANNED");
    expect(await listMyAppeals(u)).toMatchObject([{ status: "DENIED", about: "Your ban" }]);

    const v = await makeUser(db);
    const sus = (await applySanction(mod, {
      userId: v,
      sanction: "suspend",
      hours: 5,
      reason: "Heated",
    })) as { auditId: string };
    const b = (await submitAppeal(v, {
      target: `sanction:${sus.auditId}`,
      text: "I was quoting someone else.",
    })) as { appealId: string };
    expect(await decideAppeal(mod, { appealId: b.appealId, uphold: true })).toMatchObject({ ok: true });
    expect(await user(v)).toMatchObject({ status: "ACTIVE", suspendedUntil: null });
    expect(await auditRows(db, { targetId: b.appealId })).toMatchObject([
      { action: "appeal.uphold", after: "ACTIVE" },
    ]);
    // Lifted: nothing left to appeal, and an old record cannot be appealed.
    expect(
      await submitAppeal(v, { target: `sanction:${sus.auditId}`, text: "Once more with feeling." }),
    ).toMatchObject({ ok: false });
  });

  it("shadow-bans and other people's sanctions cannot be appealed", async () => {
    const u = await makeUser(db);
    const sb = (await applySanction(mod, { userId: u, sanction: "shadowban", reason: "Troll" })) as {
      auditId: string;
    };
    expect(
      await submitAppeal(u, { target: `sanction:${sb.auditId}`, text: "Why is nobody replying?" }),
    ).toMatchObject({ ok: false, code: "not_found" });
    const w = await makeUser(db);
    const ban = (await applySanction(mod, { userId: w, sanction: "ban", reason: "Spam" })) as {
      auditId: string;
    };
    expect(
      await submitAppeal(u, { target: `sanction:${ban.auditId}`, text: "Unban my friend please." }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("decisions on a sanctioned author's comments (standingOf)", () => {
  const decide = (commentId: string, decision: "approve" | "restore" | "reject") =>
    moderateComment(mod, { commentId, decision, ...(decision === "reject" ? { reason: "OFF_TOPIC" } : {}) });
  const statusOf = async (id: string) =>
    (await db.comment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

  it("refuses to approve a held comment while its author is banned, naming the ban, until it is lifted", async () => {
    const u = await makeUser(db);
    const held = await makeComment(db, { articleId: story, authorId: u, status: "PENDING" });
    expect(await applySanction(mod, { userId: u, sanction: "ban", reason: "Threats" })).toMatchObject({
      ok: true,
    });
    const refused = await decide(held, "approve");
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(!refused.ok && refused.message).toMatch(/author is banned.*Lift the ban first/);
    expect(await statusOf(held)).toBe("PENDING");
    expect((await auditRows(db, { targetId: held })).map((r) => r.action)).toEqual([]);
    expect(await liftSanction(admin, { userId: u, sanction: "ban" })).toMatchObject({ ok: true });
    expect(await decide(held, "approve")).toMatchObject({ ok: true, status: "PUBLISHED" });
  });

  it("refuses approve and restore while a suspension lasts, lets reject through, and approves once it has lapsed", async () => {
    const u = await makeUser(db);
    const held = await makeComment(db, { articleId: story, authorId: u, status: "PENDING" });
    const rejected = await makeComment(db, { articleId: story, authorId: u, status: "REJECTED" });
    expect(
      await applySanction(mod, { userId: u, sanction: "suspend", hours: "48", reason: "Insults" }),
    ).toMatchObject({ ok: true });
    for (const [id, decision] of [
      [held, "approve"],
      [rejected, "restore"],
    ] as const) {
      const refused = await decide(id, decision);
      expect(!refused.ok && refused.message).toMatch(/author is suspended until .*Lift the suspension first/);
    }
    expect(await statusOf(rejected)).toBe("REJECTED");
    const other = await makeComment(db, { articleId: story, authorId: u, status: "PENDING" });
    expect(await decide(other, "reject")).toMatchObject({ ok: true, status: "REJECTED" });
    // The row still says SUSPENDED, but the suspension has ended: standingOf reads the author as active.
    await db.user.update({ where: { id: u }, data: { suspendedUntil: new Date(Date.now() - 1000) } });
    expect(await decide(held, "approve")).toMatchObject({ ok: true, status: "PUBLISHED" });
  });

  it("still dismisses the reports on a banned author's comment that stays published", async () => {
    const u = await makeUser(db);
    const shown = await makeComment(db, {
      articleId: story,
      authorId: u,
      status: "PUBLISHED",
      reportCount: 1,
    });
    expect(await applySanction(mod, { userId: u, sanction: "ban", reason: "Spam" })).toMatchObject({
      ok: true,
    });
    expect(await decide(shown, "approve")).toMatchObject({ ok: true, status: "PUBLISHED" });
  });
});
