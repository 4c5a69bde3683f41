// A comment post does not expire the story inside the action (which made Next render the whole story
// page into the answer): with JavaScript, the expiry runs in after(), once the answer is out, and a
// burst of posts on one story shares one more expiry at the end of POST_BATCH_MS. A post without
// JavaScript is redirected to the page, so it still expires it at once. Next's request-time edges
// are recorded instead of run.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildUser } from "@/lib/comments/builders";
import { postComment, replyToComment } from "@/lib/comments/actions";
import { POST_BATCH_MS } from "@/lib/invalidate";

import { mockAfter, mockRevalidated, mockSession, mockSleeps, mockUpdated } from "../support/next-edges";

jest.mock("@/lib/accounts/auth/auth", () => jest.requireActual("../support/next-edges").auth);
jest.mock("@/lib/accounts/dal/users", () => jest.requireActual("../support/next-edges").users());
jest.mock("next/cache", () => jest.requireActual("../support/next-edges").nextCache);
jest.mock("next/server", () => jest.requireActual("../support/next-edges").nextServer());
jest.mock("node:timers/promises", () => jest.requireActual("../support/next-edges").timers);

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

let story: string;
beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput())).id;
});
beforeEach(() => {
  mockUpdated.length = 0;
  mockRevalidated.length = 0;
  mockAfter.length = 0;
  mockSleeps.length = 0;
});

let n = 0;
function postForm(fields: Record<string, string> = {}, enhanced = true): FormData {
  const fd = new FormData();
  if (enhanced) fd.set("enhanced", "1");
  fd.set("articleId", story);
  fd.set("body", `Batched remark ${++n}`);
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}
async function postAs(userId: string, fields: Record<string, string> = {}, enhanced = true) {
  mockSession.userId = userId;
  return postComment(null, postForm(fields, enhanced));
}

describe("comment post invalidation", () => {
  it("expires nothing inside the action; the story and the counts expire after the answer, then once per window", async () => {
    const writers = await Promise.all(Array.from({ length: 4 }, () => buildUser(db)));
    const first = await postAs(writers[0].id);
    // The writer's answer is the comment's id: their thread shows it from that.
    expect(first).toEqual({ ok: true, message: "Your comment is posted.", commentId: expect.any(String) });
    expect(mockUpdated).toEqual([]);
    expect(mockRevalidated).toEqual([]);
    expect(mockAfter).toHaveLength(2);

    // Once the answer is out, both expire at once (expire: 0): the next reader gets the comment.
    for (const task of mockAfter) await task();
    expect(mockSleeps).toEqual([]);
    expect(mockRevalidated).toEqual([
      { tag: `comments:${story}`, profile: { expire: 0 } },
      { tag: "comment-counts", profile: { expire: 0 } },
    ]);

    // More posts (and a reply) inside the window share one deferred expiry per tag.
    mockAfter.length = 0;
    mockRevalidated.length = 0;
    await postAs(writers[1].id);
    await postAs(writers[2].id);
    mockSession.userId = writers[3].id;
    const reply = new FormData();
    reply.set("enhanced", "1");
    reply.set("articleId", story);
    reply.set("parentId", first!.ok ? first!.commentId! : "");
    reply.set("body", "A batched reply");
    expect(await replyToComment(null, reply)).toMatchObject({ ok: true });
    expect(mockUpdated).toEqual([]);
    expect(mockAfter).toHaveLength(2);
    for (const task of mockAfter) await task();
    expect(mockSleeps).toHaveLength(2);
    for (const ms of mockSleeps) {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(POST_BATCH_MS);
    }
    expect(mockRevalidated).toEqual([
      { tag: `comments:${story}`, profile: { expire: 0 } },
      { tag: "comment-counts", profile: { expire: 0 } },
    ]);
  });

  it("without JavaScript expires the story at once, since the reader is sent to the page", async () => {
    const writer = await buildUser(db);
    await postAs(writer.id, {}, false).catch((e: { digest?: string }) => {
      expect(e.digest).toMatch(/^NEXT_REDIRECT;/);
    });
    expect(mockUpdated).toEqual([`comments:${story}`, "comment-counts"]);
    expect(mockAfter).toEqual([]);
  });
});
