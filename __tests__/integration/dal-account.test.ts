// The account DAL against a real database: renaming, signing out everywhere, the data export and
// deleting an account while its comments keep their place in the threads.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import {
  deleteUserAccount,
  endAllSessions,
  getAccountOverview,
  renameUser,
} from "@/lib/accounts/dal/account";
import { exportUserData } from "@/lib/accounts/dal/account-export";

// The DAL takes the caller's id; the session (and Auth.js, an ES module jest would have to compile) stays out.
jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

let n = 0;
async function user(
  name: string,
  extra: { status?: "ACTIVE" | "SUSPENDED" | "BANNED"; suspendedUntil?: Date } = {},
) {
  n += 1;
  return db.user.create({
    data: { name, email: `${name.toLowerCase()}-${n}@example.test`, emailVerified: new Date(), ...extra },
    select: { id: true, email: true },
  });
}

const session = (userId: string) =>
  db.session.create({
    data: { sessionToken: `token-${userId}-${++n}`, userId, expires: new Date(Date.now() + 86_400_000) },
  });

const comment = (data: {
  articleId: string;
  authorId: string | null;
  parentId?: string;
  threadId?: string;
  depth?: number;
  body?: string;
  idempotencyKey?: string;
}) => db.comment.create({ data: { body: `Comment ${++n}`, ...data } });

let story: { id: string; slug: string };
let otherStory: { id: string; slug: string };

beforeAll(async () => {
  story = await importArticle(db, buildArticleInput());
  otherStory = await importArticle(db, buildArticleInput());
});

describe("renameUser", () => {
  it("stores the cleaned name and names the stories whose comments show it", async () => {
    const ada = await user("Ada");
    await comment({ articleId: story.id, authorId: ada.id });
    await comment({ articleId: story.id, authorId: ada.id });
    const result = await renameUser(ada.id, "  Ada\u200B   Byron ");
    expect(result).toEqual({ ok: true, name: "Ada Byron", articleIds: [story.id] });
    expect((await db.user.findUniqueOrThrow({ where: { id: ada.id } })).name).toBe("Ada Byron");
  });

  it.each([
    ["empty", ""],
    ["too short", "A"],
    ["too long", "x".repeat(51)],
    ["reserved", "[deleted]"],
    ["not text", { name: "x" }],
  ])("refuses a %s name and keeps the old one", async (_label, name) => {
    const grace = await user("Grace");
    const result = await renameUser(grace.id, name);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (!result.ok) expect(result.fieldErrors?.name?.[0]).toEqual(expect.any(String));
    expect((await db.user.findUniqueOrThrow({ where: { id: grace.id } })).name).toBe("Grace");
  });

  it("refuses the signed-out caller and an id that no longer exists", async () => {
    expect(await renameUser(null, "Someone")).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await renameUser("no-such-user", "Someone")).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("refuses suspended and banned readers, but not one whose suspension has lapsed", async () => {
    const suspended = await user("Sus", {
      status: "SUSPENDED",
      suspendedUntil: new Date(Date.now() + 3_600_000),
    });
    const banned = await user("Ban", { status: "BANNED" });
    const lapsed = await user("Lapsed", { status: "SUSPENDED", suspendedUntil: new Date(Date.now() - 1000) });
    expect(await renameUser(suspended.id, "New name")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await renameUser(banned.id, "New name")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await renameUser(lapsed.id, "New name")).toMatchObject({ ok: true, name: "New name" });
  });
});

describe("endAllSessions", () => {
  it("deletes every session of the caller and no one else's", async () => {
    const me = await user("Me");
    const other = await user("Other");
    await session(me.id);
    await session(me.id);
    await session(other.id);
    expect(await endAllSessions(me.id)).toEqual({ ok: true, ended: 2 });
    expect(await db.session.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: other.id } })).toBe(1);
    expect((await getAccountOverview(me.id))?.sessionCount).toBe(0);
  });

  it("voids the sign-in links mailed to the caller's address before it, and no one else's", async () => {
    const me = await user("Linked");
    const other = await user("Bystander");
    const later = new Date(Date.now() + 3_600_000);
    await db.verificationToken.createMany({
      data: [
        { identifier: me.email!, token: `mine-1-${n}`, expires: later },
        { identifier: me.email!, token: `mine-2-${n}`, expires: later },
        { identifier: other.email!, token: `theirs-${n}`, expires: later },
      ],
    });
    await session(me.id);
    expect(await endAllSessions(me.id)).toEqual({ ok: true, ended: 1 });
    expect(await db.verificationToken.count({ where: { identifier: me.email! } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: other.email! } })).toBe(1);
  });

  it("leaves every sign-in link alone for an account without an address", async () => {
    const bare = await db.user.create({ data: { name: "No address" }, select: { id: true } });
    await db.verificationToken.create({
      data: {
        identifier: `someone-${++n}@example.test`,
        token: `kept-${n}`,
        expires: new Date(Date.now() + 3_600_000),
      },
    });
    const before = await db.verificationToken.count();
    expect(await endAllSessions(bare.id)).toEqual({ ok: true, ended: 0 });
    expect(await db.verificationToken.count()).toBe(before);
  });

  it("refuses the signed-out caller", async () => {
    expect(await endAllSessions(null)).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("exportUserData", () => {
  it("holds the profile, sign-in methods, comments with their stories and votes, and no secrets", async () => {
    const me = await user("Exporter");
    const other = await user("Other");
    await session(me.id);
    await db.account.create({
      data: {
        userId: me.id,
        type: "oidc",
        provider: "oidc",
        providerAccountId: "sub-123",
        access_token: "SECRET-ACCESS-TOKEN",
        refresh_token: "SECRET-REFRESH-TOKEN",
        id_token: "SECRET-ID-TOKEN",
      },
    });
    const mine = await comment({ articleId: story.id, authorId: me.id, body: "My **remark**" });
    const theirs = await comment({ articleId: otherStory.id, authorId: other.id });
    await db.commentVote.create({ data: { commentId: theirs.id, userId: me.id, value: -1 } });
    await comment({ articleId: story.id, authorId: other.id, body: "Not mine" });

    const result = await exportUserData(me.id);
    if (!result.ok) throw new Error(result.message);
    const { data } = result;
    expect(data.profile).toMatchObject({ id: me.id, name: "Exporter", email: me.email, role: "READER" });
    expect(data.signInMethods).toEqual([
      { provider: "oidc", type: "oidc", providerAccountId: "sub-123", linkedAt: expect.any(String) },
    ]);
    expect(data.sessions).toHaveLength(1);
    expect(data.comments).toEqual([
      expect.objectContaining({
        id: mine.id,
        body: "My **remark**",
        article: { slug: story.slug, headline: expect.any(String) },
      }),
    ]);
    expect(data.votes).toEqual([
      { commentId: theirs.id, articleSlug: otherStory.slug, value: -1, createdAt: expect.any(String) },
    ]);

    const json = JSON.stringify(data);
    for (const secret of ["SECRET-", "token-", "sessionToken", "access_token", "refresh_token", "id_token"])
      expect(json).not.toContain(secret);
    expect(json).not.toContain("Not mine");
  });

  it("refuses the signed-out caller", async () => {
    expect(await exportUserData(null)).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("deleteUserAccount", () => {
  it("removes the user, sessions, accounts and votes, and leaves their comments as [deleted] in place", async () => {
    const leaving = await user("Leaving");
    const staying = await user("Staying");
    await session(leaving.id);
    await db.account.create({
      data: { userId: leaving.id, type: "oauth", provider: "github", providerAccountId: `gh-${leaving.id}` },
    });
    await db.verificationToken.create({
      data: {
        identifier: leaving.email!,
        token: `vt-${leaving.id}`,
        expires: new Date(Date.now() + 3_600_000),
      },
    });

    // A thread: staying → leaving (reply) → staying (reply to the reply), plus a top-level one by leaving.
    const top = await comment({ articleId: story.id, authorId: staying.id });
    const reply = await comment({
      articleId: story.id,
      authorId: leaving.id,
      parentId: top.id,
      threadId: top.id,
      depth: 2,
      idempotencyKey: "key-12345678",
    });
    const answer = await comment({
      articleId: story.id,
      authorId: staying.id,
      parentId: reply.id,
      threadId: top.id,
      depth: 3,
    });
    const ownTop = await comment({ articleId: otherStory.id, authorId: leaving.id });
    // Votes by the leaving reader move scores; they must come back out.
    await db.commentVote.create({ data: { commentId: top.id, userId: leaving.id, value: 1 } });
    await db.comment.update({ where: { id: top.id }, data: { score: 1 } });
    await db.commentVote.create({ data: { commentId: reply.id, userId: staying.id, value: 1 } });
    await db.comment.update({ where: { id: reply.id }, data: { score: 1 } });

    const result = await deleteUserAccount(leaving.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.articleIds.sort()).toEqual([story.id, otherStory.id].sort());

    expect(await db.user.findUnique({ where: { id: leaving.id } })).toBeNull();
    expect(await db.session.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await db.account.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await db.commentVote.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: leaving.email! } })).toBe(0);

    const after = await db.comment.findUniqueOrThrow({ where: { id: reply.id } });
    expect(after).toMatchObject({
      status: "DELETED",
      body: "",
      authorId: null,
      idempotencyKey: null,
      parentId: top.id,
      threadId: top.id,
      depth: 2,
      score: 1, // the vote cast on it by someone else stays
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: ownTop.id } })).toMatchObject({
      status: "DELETED",
      authorId: null,
    });
    // The thread keeps its shape: the answer still hangs under the emptied reply.
    expect(await db.comment.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({
      parentId: reply.id,
      authorId: staying.id,
      status: "PUBLISHED",
    });
    // The departed reader's upvote is taken back out of the score.
    expect((await db.comment.findUniqueOrThrow({ where: { id: top.id } })).score).toBe(0);
    // Other readers are untouched.
    expect(await db.user.findUnique({ where: { id: staying.id } })).not.toBeNull();
  });

  it("refuses the signed-out caller and deletes nothing", async () => {
    const before = await db.user.count();
    expect(await deleteUserAccount(null)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await db.user.count()).toBe(before);
  });

  it("answers a second attempt (another tab) as signed out", async () => {
    const twice = await user("Twice");
    expect((await deleteUserAccount(twice.id)).ok).toBe(true);
    expect(await deleteUserAccount(twice.id)).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
