// Votes, edits, deletes and reports each expire cached pages, so each has a per-reader limit
// (lib/rate-limits.ts, configured in lib/env.ts): the write one past the limit is refused with
// rate_limited, a retry time and a message saying when, and nothing is written.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { deleteComment, editComment, voteComment } from "@/lib/comments/dal/writes";
import { reportComment } from "@/lib/moderation/dal/reports";
import { env } from "@/lib/env";
import { createKeyedLimiter, configuredRules } from "@/lib/rate-limits";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

let story: string;
let author: string;
beforeAll(async () => {
  story = (await importArticle(db, buildArticleInput())).id;
  author = (await buildUser(db)).id;
});

const refusedLater = (what: RegExp) => ({
  ok: false,
  code: "rate_limited",
  message: expect.stringMatching(what),
  retryAfterSeconds: expect.any(Number),
});

describe("per-reader write limits", () => {
  it("the defaults are the documented ones", () => {
    expect(configuredRules()).toMatchObject({
      vote: { points: 60, seconds: 60 },
      edit: { points: 10, seconds: 60 },
      delete: { points: 10, seconds: 60 },
      report: { points: 10, seconds: 3600 },
      search: { points: 30, seconds: 60 },
    });
  });

  it(`refuses the vote after ${env.VOTE_LIMIT_PER_MINUTE} in a minute`, async () => {
    const voter = (await buildUser(db)).id;
    const { id } = await buildComment(db, { articleId: story, authorId: author });
    for (let i = 0; i < env.VOTE_LIMIT_PER_MINUTE; i++)
      expect((await voteComment(voter, { commentId: id, value: i % 2 === 0 ? 1 : 0 })).ok).toBe(true);
    const before = await db.comment.findUniqueOrThrow({ where: { id }, select: { score: true } });
    const refused = await voteComment(voter, { commentId: id, value: before.score === 1 ? 0 : 1 });
    expect(refused).toEqual(
      refusedLater(/voting faster than we allow\. You can vote again in \d+ seconds?\./),
    );
    expect(await db.comment.findUniqueOrThrow({ where: { id }, select: { score: true } })).toEqual(before);
    // Another reader is not held up.
    expect((await voteComment((await buildUser(db)).id, { commentId: id, value: 1 })).ok).toBe(true);
  });

  it(`refuses the edit after ${env.EDIT_LIMIT_PER_MINUTE} in a minute`, async () => {
    const writer = (await buildUser(db)).id;
    const { id } = await buildComment(db, { articleId: story, authorId: writer });
    for (let i = 0; i < env.EDIT_LIMIT_PER_MINUTE; i++)
      expect((await editComment(writer, { commentId: id, body: `Edited text ${i}` })).ok).toBe(true);
    expect(await editComment(writer, { commentId: id, body: "One edit too many" })).toEqual(
      refusedLater(/editing comments faster than we allow\. You can edit again in \d+ seconds?\./),
    );
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).body).toBe(
      `Edited text ${env.EDIT_LIMIT_PER_MINUTE - 1}`,
    );
  });

  it(`refuses the delete after ${env.DELETE_LIMIT_PER_MINUTE} in a minute`, async () => {
    const writer = (await buildUser(db)).id;
    const ids: string[] = [];
    for (let i = 0; i <= env.DELETE_LIMIT_PER_MINUTE; i++)
      ids.push((await buildComment(db, { articleId: story, authorId: writer })).id);
    for (const id of ids.slice(0, -1)) expect((await deleteComment(writer, { commentId: id })).ok).toBe(true);
    const last = ids[ids.length - 1];
    expect(await deleteComment(writer, { commentId: last })).toEqual(
      refusedLater(/deleting comments faster than we allow\. You can delete again in \d+ seconds?\./),
    );
    expect((await db.comment.findUniqueOrThrow({ where: { id: last } })).status).toBe("PUBLISHED");
  });

  it(`refuses the report after ${env.REPORT_LIMIT_PER_HOUR} in an hour`, async () => {
    const reporter = (await buildUser(db)).id;
    const ids: string[] = [];
    for (let i = 0; i <= env.REPORT_LIMIT_PER_HOUR; i++)
      ids.push((await buildComment(db, { articleId: story, authorId: author })).id);
    for (const id of ids.slice(0, -1))
      expect((await reportComment(reporter, { commentId: id, reason: "SPAM" })).ok).toBe(true);
    const last = ids[ids.length - 1];
    const refused = await reportComment(reporter, { commentId: last, reason: "SPAM" });
    expect(refused).toEqual(
      refusedLater(
        /most reports we accept in an hour \(10\)\. You can report again in \d+ (minutes?|hour)\./,
      ),
    );
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(60);
    expect(await db.commentReport.count({ where: { commentId: last } })).toBe(0);
  });
});

describe("the limiter with the database store", () => {
  it("counts in memory (these limits have no rows of their own)", async () => {
    const limiter = createKeyedLimiter({
      store: "database",
      rules: { ...configuredRules(), vote: { points: 2, seconds: 60 } },
    });
    expect(await limiter.take("vote", "someone")).toBeNull();
    expect(await limiter.take("vote", "someone")).toBeNull();
    expect(await limiter.take("vote", "someone")).toMatchObject({ code: "rate_limited" });
    expect(await limiter.take("vote", "someone else")).toBeNull();
    await limiter.close();
  });
});
