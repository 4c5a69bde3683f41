// A vote does not re-render a story's comments for everyone: the first vote on a story expires its
// comments tag at once, the votes in the next SCORE_BATCH_MS share one expiry at the end of that
// window (run in after(), so it still has the request's cache store), and the voter gets the new
// score in the action's answer. Next's request-time edges are recorded instead of run.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { voteComment } from "@/lib/comments/actions";
import { createExpiryBatcher, SCORE_BATCH_MS } from "@/lib/invalidate";

import { mockAfter, mockRevalidated, mockSession, mockSleeps, mockUpdated } from "../support/next-edges";

jest.mock("@/lib/accounts/auth/auth", () => jest.requireActual("../support/next-edges").auth);
jest.mock("@/lib/accounts/dal/users", () => jest.requireActual("../support/next-edges").users());
jest.mock("next/cache", () => jest.requireActual("../support/next-edges").nextCache);
jest.mock("next/server", () => jest.requireActual("../support/next-edges").nextServer());
jest.mock("node:timers/promises", () => jest.requireActual("../support/next-edges").timers);

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

let story: string;
let otherStory: string;
let author: string;
beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput())).id;
  otherStory = (await importArticle(db, buildArticleInput())).id;
  author = (await buildUser(db)).id;
});

function voteForm(commentId: string, value = "up"): FormData {
  const fd = new FormData();
  fd.set("enhanced", "1");
  fd.set("commentId", commentId);
  fd.set("value", value);
  return fd;
}
async function voteAs(userId: string, commentId: string) {
  mockSession.userId = userId;
  return voteComment(null, voteForm(commentId));
}

describe("vote invalidation", () => {
  it("expires a story's comments once for a burst of votes, then once more when the window ends", async () => {
    const comments = [
      (await buildComment(db, { articleId: story, authorId: author })).id,
      (await buildComment(db, { articleId: story, authorId: author })).id,
    ];
    const elsewhere = (await buildComment(db, { articleId: otherStory, authorId: author })).id;
    const voters = await Promise.all(Array.from({ length: 6 }, () => buildUser(db)));

    // Each voter gets the new score in the answer, whatever the cache does.
    const answers = [];
    for (const [i, v] of voters.entries()) answers.push(await voteAs(v.id, comments[i % 2]));
    expect(answers.map((a) => a?.ok && "score" in a && a.score)).toEqual([1, 1, 2, 2, 3, 3]);
    // The first vote expired the tag at once; the other five share one deferred expiry.
    expect(mockUpdated).toEqual([`comments:${story}`]);
    expect(mockAfter).toHaveLength(1);
    expect(mockRevalidated).toEqual([]);

    // Another story has its own window.
    await voteAs(voters[0].id, elsewhere);
    expect(mockUpdated).toEqual([`comments:${story}`, `comments:${otherStory}`]);

    // The deferred expiry waits out the window, then expires the tag once, at once (expire: 0).
    await mockAfter[0]();
    expect(mockSleeps[0]).toBeGreaterThan(0);
    expect(mockSleeps[0]).toBeLessThanOrEqual(SCORE_BATCH_MS);
    expect(mockRevalidated).toEqual([{ tag: `comments:${story}`, profile: { expire: 0 } }]);

    // A vote just after it starts the next batch rather than expiring again at once.
    await voteAs((await buildUser(db)).id, comments[0]);
    expect(mockUpdated).toHaveLength(2);
    expect(mockAfter).toHaveLength(2);
  });
});

describe("createExpiryBatcher", () => {
  it("expires each key at most once per window", () => {
    let t = 0;
    const expired: string[] = [];
    const timers: { at: number; run: () => void }[] = [];
    const batcher = createExpiryBatcher({
      windowMs: 5000,
      now: () => t,
      expireNow: (key) => expired.push(`${key}@${t}`),
      later: (ms, key, started) =>
        timers.push({
          at: t + ms,
          run: () => {
            started();
            expired.push(`${key}@${t} (deferred)`);
          },
        }),
    });
    expect(batcher.touch("a")).toBe("now");
    t = 1000;
    expect(batcher.touch("a")).toBe("scheduled");
    t = 2000;
    expect(batcher.touch("a")).toBe("batched");
    expect(batcher.touch("b")).toBe("now");
    expect(timers.map((x) => x.at)).toEqual([5000]);
    t = 5000;
    timers[0].run();
    expect(expired).toEqual(["a@0", "b@2000", "a@5000 (deferred)"]);
    // Quiet for a whole window after the deferred expiry: the next change expires at once again.
    t = 10_000;
    expect(batcher.touch("a")).toBe("now");
  });
});
