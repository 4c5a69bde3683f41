// GET /api/viewer on a real database: what the static pages' client islands learn about the reader.
// Only the session lookup (Auth.js reads the request's cookies) is replaced: it names a user id, and the
// user row, their comments, votes and the story are real.
import { NextRequest } from "next/server";
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildComment, buildUser } from "@/lib/comments/builders";
import type { ViewerPayload } from "@/lib/accounts/viewer";
import { GET } from "@/app/api/viewer/route";

const mockSession: { userId: string | null } = { userId: null };
jest.mock("@/lib/accounts/auth/auth", () => ({
  auth: async () => null,
  SESSION_COOKIE: "authjs.session-token",
}));
jest.mock("@/lib/accounts/dal/users", () => {
  const actual = jest.requireActual("@/lib/accounts/dal/users");
  return {
    ...actual,
    getCurrentUser: async () => (mockSession.userId ? actual.loadViewer(mockSession.userId) : null),
  };
});

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

let story: string;
let closed: string;
beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput())).id;
  closed = (await importArticle(db, buildArticleInput())).id;
  await db.article.update({ where: { id: closed }, data: { commentsClosed: true } });
});

async function ask(
  query = "",
): Promise<{ status: number; headers: Headers; body: ViewerPayload & { error?: string } }> {
  const response = await GET(new NextRequest(`http://localhost/api/viewer${query}`));
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("GET /api/viewer", () => {
  it("answers a signed-out reader with nothing about anyone, and is never cached", async () => {
    mockSession.userId = null;
    const { status, headers, body } = await ask(`?article=${story}`);
    expect(status).toBe(200);
    expect(body).toEqual({ user: null, comments: null });
    expect(headers.get("cache-control")).toBe("private, no-store");
    expect(headers.get("vary")).toBe("Cookie");
  });

  it("refuses an article parameter that is not an id, with a clear message", async () => {
    mockSession.userId = (await buildUser(db)).id;
    for (const bad of ["", "a b", "x".repeat(65), '"]{}*{display:none}']) {
      const { status, body } = await ask(`?article=${encodeURIComponent(bad)}`);
      expect(status).toBe(400);
      expect(body.error).toBe("article must be a story id.");
    }
  });

  it("gives a reader their name, their controls and their held comments on this story only", async () => {
    const ada = await buildUser(db, { name: "Ada Viewer" });
    const bo = await buildUser(db);
    mockSession.userId = ada.id;
    const mine = await buildComment(db, {
      articleId: story,
      authorId: ada.id,
      body: "Mine, *still* editable.",
    });
    const old = await buildComment(db, {
      articleId: story,
      authorId: ada.id,
      createdAt: new Date(Date.now() - 2 * 86_400_000),
    });
    const theirs = await buildComment(db, { articleId: story, authorId: bo.id });
    await db.commentVote.create({ data: { commentId: theirs.id, userId: ada.id, value: -1 } });
    const held = await buildComment(db, {
      articleId: story,
      authorId: ada.id,
      status: "PENDING",
      body: "Held for a moderator.",
    });
    await buildComment(db, { articleId: story, authorId: bo.id, status: "PENDING" });
    await buildComment(db, { articleId: closed, authorId: ada.id, status: "PENDING" });

    const { status, body } = await ask(`?article=${story}`);
    expect(status).toBe(200);
    expect(body.user).toEqual({ id: ada.id, name: "Ada Viewer", staff: false });
    const comments = body.comments!;
    expect(comments.articleId).toBe(story);
    expect(comments.notice).toBeNull();
    // Only the comment inside the edit window is editable (with the source its form starts from);
    // the old one, past it, is not.
    expect(comments.editable).toEqual([{ id: mine.id, body: "Mine, *still* editable." }]);
    expect(comments.editable.map((c) => c.id)).not.toContain(old.id);
    expect(comments.votes).toEqual([{ commentId: theirs.id, value: -1 }]);
    expect(comments.own).toEqual([
      expect.objectContaining({
        id: held.id,
        body: "Held for a moderator.",
        awaiting: true,
        authorName: "Ada Viewer",
      }),
    ]);
  });

  it("without an article, answers only who is reading", async () => {
    const ada = await buildUser(db, { name: "Ada Header" });
    mockSession.userId = ada.id;
    const { body } = await ask();
    expect(body).toEqual({ user: { id: ada.id, name: "Ada Header", staff: false }, comments: null });
  });

  it("marks active moderators and admins as staff, not suspended ones", async () => {
    const mod = await buildUser(db, { role: "MODERATOR" });
    mockSession.userId = mod.id;
    expect((await ask()).body.user?.staff).toBe(true);
    const admin = await buildUser(db, { role: "ADMIN" });
    mockSession.userId = admin.id;
    expect((await ask()).body.user?.staff).toBe(true);
    const benched = await buildUser(db, {
      role: "MODERATOR",
      status: "SUSPENDED",
      suspendedUntil: new Date(Date.now() + 86_400_000),
    });
    mockSession.userId = benched.id;
    expect((await ask()).body.user?.staff).toBe(false);
  });

  it("tells a suspended reader why there is no box, and reveals no controls", async () => {
    const sus = await buildUser(db, {
      status: "SUSPENDED",
      suspendedUntil: new Date(Date.now() + 86_400_000),
      statusReason: "Spam",
    });
    mockSession.userId = sus.id;
    await buildComment(db, { articleId: story, authorId: sus.id });
    const { body } = await ask(`?article=${story}`);
    expect(body.comments?.notice).toMatch(/^Your account is suspended until .*Reason: Spam$/);
    expect(body.comments?.editable).toEqual([]);
    expect(body.comments?.votes).toEqual([]);
  });

  it("has nothing to say about a closed story, a draft or an unknown one", async () => {
    mockSession.userId = (await buildUser(db)).id;
    const draft = (await importArticle(db, buildArticleInput())).id;
    await db.article.update({ where: { id: draft }, data: { status: "DRAFT" } });
    expect((await ask(`?article=${story}`)).body.comments).not.toBeNull();
    expect((await ask(`?article=${closed}`)).body.comments).toBeNull();
    expect((await ask(`?article=${draft}`)).body.comments).toBeNull();
    expect((await ask("?article=no-such-story")).body.comments).toBeNull();
  });
});
