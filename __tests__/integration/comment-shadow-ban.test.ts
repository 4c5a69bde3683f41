// A shadow-banned reader's comment, walked through every path that reads or targets a comment: for
// another reader and for a signed-out one it does not exist (no text, no count, no target, 404 at its
// permalink); its author still sees it.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { createCommentRateLimiter } from "@/lib/comments/rate-limit";
import { createComment, voteComment } from "@/lib/comments/dal/writes";
import { listCommentHighlights } from "@/lib/comments/dal/highlights";
import {
  commentStorySlug,
  countComments,
  findComment,
  listCommentPage,
  listMostCommented,
  locateComment,
} from "@/lib/comments/dal/comments";
import { replyAsStaff } from "@/lib/moderation/dal/reply";
import { reportComment } from "@/lib/moderation/dal/reports";

// The permalink route reads the session: signed out here unless a test names the reader.
let sessionUser: string | null = null;
jest.mock("@/lib/accounts/auth/auth", () => ({
  auth: async () => (sessionUser ? { user: { id: sessionUser } } : null),
}));
jest.mock("next/headers", () => ({ cookies: async () => ({ has: () => sessionUser !== null }) }));
jest.mock("next/server", () => ({ connection: async () => undefined }));

import { GET as permalink } from "@/app/(site)/articles/[slug]/comments/[commentId]/route";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const limiter = createCommentRateLimiter({ store: "memory", perMinute: 10_000, perDay: 10_000 });
const at = (minutes: number) => new Date(Date.UTC(2026, 8, 2, 9, minutes));

let story = "";
let slug = "";
let shadow = ""; // the shadow-banned author
let reader = ""; // anyone else, signed in
let mod = "";
let visible = ""; // an ordinary comment beside it
let hidden = ""; // the shadow-banned author's top-level comment
let hiddenReply = ""; // and their reply to the ordinary one
let underHidden = ""; // on another story: a reader's reply under a hidden comment (written before the ban)
const SECRET = "Text nobody but its author may read";

beforeAll(async () => {
  const input = buildArticleInput();
  slug = input.slug;
  story = (await importArticle(db, input)).id;
  shadow = (await buildUser(db, { name: "Shade" })).id;
  reader = (await buildUser(db, { name: "Reader" })).id;
  mod = (await buildUser(db, { name: "Mod", role: "MODERATOR" })).id;
  visible = (await buildComment(db, { articleId: story, authorId: reader, createdAt: at(1) })).id;
  hidden = (
    await buildComment(db, {
      articleId: story,
      authorId: shadow,
      body: SECRET,
      featured: true,
      pinnedAt: at(9),
      createdAt: at(2),
    })
  ).id;
  hiddenReply = (
    await buildComment(db, {
      articleId: story,
      authorId: shadow,
      parentId: visible,
      threadId: visible,
      depth: 2,
      createdAt: at(3),
    })
  ).id;
  const elsewhere = (await importArticle(db, buildArticleInput())).id;
  const hiddenThere = (await buildComment(db, { articleId: elsewhere, authorId: shadow, createdAt: at(2) }))
    .id;
  underHidden = (
    await buildComment(db, {
      articleId: elsewhere,
      authorId: reader,
      parentId: hiddenThere,
      threadId: hiddenThere,
      depth: 2,
      createdAt: at(4),
    })
  ).id;
  await db.user.update({ where: { id: shadow }, data: { shadowBanned: true } });
});

const others = [
  ["another reader", () => reader],
  ["a signed-out reader", () => null],
] as const;

describe.each(others)("as %s", (_, who) => {
  it("findComment (the reply, edit and report pages) finds nothing", async () => {
    expect(await findComment(hidden, who())).toBeNull();
    expect(await findComment(hiddenReply, who())).toBeNull();
    expect(await findComment(visible, who())).not.toBeNull();
  });

  it("the permalink finds no page: locateComment and commentStorySlug are null, the route answers 404", async () => {
    for (const id of [hidden, hiddenReply, underHidden]) expect(await locateComment(id, who())).toBeNull();
    expect(await commentStorySlug(hidden, who())).toBeNull();
    expect(await locateComment(visible, who())).toMatchObject({ articleSlug: slug });
    sessionUser = who();
    try {
      const call = (id: string) =>
        permalink(new Request(`http://test/articles/${slug}/comments/${id}`), {
          params: Promise.resolve({ commentId: id }),
        });
      expect((await call(hidden)).status).toBe(404);
      expect((await call(hiddenReply)).status).toBe(404);
      expect((await call(visible)).status).toBe(307);
    } finally {
      sessionUser = null;
    }
  });
});

describe("for everyone but its author", () => {
  it("is left out of the thread, its count, the JSON-LD's count, and the most-commented rail", async () => {
    const page = await listCommentPage(story);
    const ids = page.threads.flatMap((t) => [t.comment.id, ...t.replies.map((r) => r.id)]);
    expect(ids).toEqual([visible]);
    expect(JSON.stringify(page)).not.toContain(SECRET);
    // The story page's JSON-LD is built from this page: commentCount is page.total.
    expect(page.total).toBe(1);
    expect(await countComments(story)).toBe(1);
    const rail = await listMostCommented(20);
    expect(rail.find((s) => s.id === story)?.commentCount ?? 1).toBe(1);
  });

  it("is in neither the featured strip nor the pinned group", async () => {
    const { featured, pinned } = await listCommentHighlights(story);
    expect([...featured, ...pinned].map((c) => c.id)).not.toContain(hidden);
  });

  it("cannot be answered: a reader's reply is not_repliable, a moderator's a conflict", async () => {
    for (const parentId of [hidden, hiddenReply])
      expect(
        await createComment(
          reader,
          { articleId: story, parentId, body: `Answering ${parentId}` },
          { limiter },
        ),
      ).toMatchObject({ ok: false, code: "not_repliable" });
    expect(await replyAsStaff(mod, { commentId: hidden, body: "Staff answer" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await db.comment.count({ where: { parentId: hidden } })).toBe(0);
  });

  it("cannot be voted on or reported", async () => {
    expect(await voteComment(reader, { commentId: hidden, value: 1 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await reportComment(reader, { commentId: hidden, reason: "SPAM" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const row = await db.comment.findUniqueOrThrow({ where: { id: hidden } });
    expect(row).toMatchObject({ score: 0, reportCount: 0 });
  });
});

describe("its author", () => {
  it("still sees it, can reach it by its permalink and answer it", async () => {
    expect((await findComment(hidden, shadow))?.comment.body).toBe(SECRET);
    expect(await commentStorySlug(hidden, shadow)).toBe(slug);
    // Not on any public page: the permalink leads to the story, where their own box shows it.
    expect(await locateComment(hidden, shadow)).toMatchObject({ articleSlug: slug, cursor: null });
    const reply = await createComment(
      shadow,
      { articleId: story, parentId: hidden, body: "Adding to my own point" },
      { limiter },
    );
    expect(reply).toMatchObject({ ok: true, status: "PUBLISHED" });
  });
});
