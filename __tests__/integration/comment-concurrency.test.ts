// Many writers at once. On SQLite each writer is its own process with its own connection, so they
// really contend for the database lock (as several app instances on one file would); on PostgreSQL they
// share the app's connection pool in this process. Either way every acknowledged comment must be
// stored and the count must be exact. Votes: the score must equal the sum of the vote rows.
import { spawn } from "node:child_process";
import path from "node:path";
import { createPrismaClient, providerOf } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { createCommentRateLimiter } from "@/lib/comments/rate-limit";
import { createComment, voteComment } from "@/lib/comments/dal/writes";
import { bundleCommentWriter } from "../support/comment-writer-bundle";
import { TMP_ROOT } from "../support/test-dbs";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url);
afterAll(() => db.$disconnect());

const WRITERS = 20;
const PER_WRITER = 50;

let writerScript = "";
const children = new Set<ReturnType<typeof spawn>>();
beforeAll(async () => {
  if (providerOf(url) === "sqlite")
    writerScript = await bundleCommentWriter(path.join(TMP_ROOT, `writer-${process.pid}`));
});
afterAll(() => children.forEach((c) => c.kill()));

type Outcome = { acknowledged: string[]; refused: string[]; errors: string[] };

function writerProcess(articleId: string, userId: string): Promise<Outcome> {
  const child = spawn(process.execPath, [writerScript, articleId, userId, String(PER_WRITER)], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => (out += c));
  child.stderr.on("data", (c: Buffer) => (err += c));
  return new Promise((resolve, reject) =>
    // "close", not "exit": a process may exit before its stdout has been read to the end (seen on
    // Node 24, where the writer's last line was missing at "exit").
    child.on("close", (code) => {
      children.delete(child);
      const line = out.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as Outcome);
      } catch {
        reject(new Error(`writer exited ${code}: ${err.slice(-2000)}`));
      }
    }),
  );
}

async function writerInProcess(articleId: string, userId: string): Promise<Outcome> {
  const limiter = createCommentRateLimiter({ store: "memory", perMinute: 1_000_000, perDay: 1_000_000 });
  const outcome: Outcome = { acknowledged: [], refused: [], errors: [] };
  await Promise.all(
    Array.from({ length: PER_WRITER }, async (_, i) => {
      try {
        const r = await createComment(
          userId,
          { articleId, body: `Writer ${userId} says ${i}.` },
          { limiter },
        );
        if (r.ok) outcome.acknowledged.push(r.commentId);
        else outcome.refused.push(r.code);
      } catch (e) {
        outcome.errors.push((e as Error).message);
      }
    }),
  );
  return outcome;
}

it(`stores every acknowledged comment from ${WRITERS} writers × ${PER_WRITER} comments on one story`, async () => {
  const provider = providerOf(url);
  const articleId = (await importArticle(db, buildArticleInput())).id;
  const users = await Promise.all(Array.from({ length: WRITERS }, () => buildUser(db)));
  const started = Date.now();
  const outcomes = await Promise.all(
    users.map((u) =>
      provider === "sqlite" ? writerProcess(articleId, u.id) : writerInProcess(articleId, u.id),
    ),
  );
  const seconds = (Date.now() - started) / 1000;

  const acknowledged = outcomes.flatMap((o) => o.acknowledged);
  const refused = outcomes.flatMap((o) => o.refused);
  const errors = outcomes.flatMap((o) => o.errors);
  const stored = await db.comment.findMany({ where: { articleId }, select: { id: true } });
  const storedIds = new Set(stored.map((c) => c.id));
  const lost = acknowledged.filter((id) => !storedIds.has(id));

  console.log(
    `[comment concurrency, ${provider}] ${WRITERS} writers × ${PER_WRITER} comments` +
      `${provider === "sqlite" ? " (separate processes)" : " (one pool)"}: attempted ${WRITERS * PER_WRITER}, ` +
      `acknowledged ${acknowledged.length}, refused ${refused.length}, errors ${errors.length}, ` +
      `stored ${stored.length}, lost ${lost.length}, in ${seconds.toFixed(1)} s`,
  );
  expect(errors.slice(0, 3)).toEqual([]);
  expect(refused).toEqual([]);
  expect(lost).toEqual([]);
  expect(new Set(acknowledged).size).toBe(WRITERS * PER_WRITER);
  expect(stored).toHaveLength(WRITERS * PER_WRITER);
}, 600_000);

it("keeps a comment's score equal to the sum of its votes under concurrent voting", async () => {
  const articleId = (await importArticle(db, buildArticleInput())).id;
  const author = await buildUser(db);
  const { id: commentId } = await buildComment(db, { articleId, authorId: author.id });
  const voters = await Promise.all(Array.from({ length: 30 }, () => buildUser(db)));

  // Everyone up at once, then a third switch down and a third clear while the rest vote up again.
  await Promise.all(voters.map((v) => voteComment(v.id, { commentId, value: 1 })));
  expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).score).toBe(30);
  const values = [-1, 0, 1] as const;
  await Promise.all(voters.map((v, i) => voteComment(v.id, { commentId, value: values[i % 3] })));
  // One reader clicking fast: many conflicting votes from the same user race on the same row.
  const clicker = voters[0];
  const clicks = await Promise.all(
    Array.from({ length: 12 }, (_, i) => voteComment(clicker.id, { commentId, value: values[i % 3] })),
  );

  const [comment, votes] = await Promise.all([
    db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { score: true } }),
    db.commentVote.findMany({ where: { commentId }, select: { value: true } }),
  ]);
  const sum = votes.reduce((s, v) => s + v.value, 0);
  console.log(
    `[comment votes, ${providerOf(url)}] score ${comment.score}, sum of ${votes.length} vote rows ${sum}`,
  );
  expect(clicks.every((c) => c.ok)).toBe(true);
  expect(comment.score).toBe(sum);
  // Voters 1..29 settled on values[i % 3]; the clicker ended on whichever click was applied last.
  const settled = voters.slice(1).reduce((s, _, i) => s + values[(i + 1) % 3], 0);
  const mine = await db.commentVote.findUnique({
    where: { commentId_userId: { commentId, userId: clicker.id } },
  });
  expect(comment.score).toBe(settled + (mine?.value ?? 0));
});
