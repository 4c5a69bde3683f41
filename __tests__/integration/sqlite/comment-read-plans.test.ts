// Every public read of comments must reach them through a story, a thread, a parent, an author or an
// id: never by walking every comment of a status. The front page's "most commented" rail once grouped
// every published comment on the site, which at 2,000,000 comments took 6-7 s per render on SQLite,
// with the whole server waiting (better-sqlite3 answers synchronously). This runs the reads the reader
// pages make, records the SQL they send, and asks SQLite (with statistics, as lib/prisma.ts keeps them)
// how it would answer each one.
import Database from "better-sqlite3";
import { decodeCommentCursor } from "@/lib/comments/cursor";
import { sqlitePath } from "@/lib/prisma";
import { makeComment, makeStory, makeUser, testDb } from "../../support/moderation-fixtures";

// lib/accounts/dal/users.ts (display names) sits beside the session reader; these reads never touch a session.
jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const seeding = testDb();
afterAll(() => seeding.$disconnect());

type Sent = { sql: string; args: unknown[] };

/** The SQL (with its arguments) that better-sqlite3 is asked to run on any connection while `run` runs. */
async function recordSql(run: () => Promise<unknown>): Promise<Sent[]> {
  const sent: Sent[] = [];
  const original = Database.prototype.prepare;
  const spy = jest.spyOn(Database.prototype, "prepare").mockImplementation(function (
    this: Database.Database,
    sql,
  ) {
    const stmt = original.call(this, sql);
    for (const method of ["all", "get", "run"] as const) {
      const call = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        sent.push({ sql, args });
        return call(...args);
      };
    }
    return stmt;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return sent;
}

/** The names the Comment table goes by in a statement: itself, and each alias Prisma gives it. */
function commentNames(sql: string): Set<string> {
  const names = new Set(["Comment", "main.Comment"]);
  for (const m of sql.matchAll(/`Comment`\s+AS\s+`(\w+)`/g)) names.add(m[1]);
  return names;
}

/** How SQLite reaches Comment rows in each step of the plan that reads that table. */
function commentSteps(raw: Database.Database, { sql, args }: Sent): string[] {
  const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as never[])) as { detail: string }[];
  const names = commentNames(sql);
  return plan
    .map((row) => row.detail)
    .filter((detail) => {
      const table = /^(?:SCAN|SEARCH) (\S+)/.exec(detail)?.[1];
      return table !== undefined && names.has(table);
    });
}

/** A step that reads a bounded set of comments: by an index whose first column names their owner, or the key. */
const BOUNDED =
  /USING (?:COVERING )?INDEX \S+ \((?:articleId|threadId|parentId|authorId|id)=|USING (?:INTEGER )?PRIMARY KEY/;

it("reads comments for the reader pages through a story, thread, parent, author or id, never by status alone", async () => {
  const file = sqlitePath(process.env.DATABASE_URL!);
  const authorId = await makeUser(seeding);
  // A site's shape, so the statistics look like one: many stories with a few comments each, and one
  // long thread with replies and "[deleted]" placeholders.
  const stories: string[] = [];
  for (let s = 0; s < 30; s++) stories.push(await makeStory(seeding, { slug: `plan-story-${s}` }));
  // About half of a site's comments are replies.
  await seeding.comment.createMany({
    data: stories.flatMap((articleId, s) =>
      Array.from({ length: 4 + (s % 5) }, (_, i) => ({
        id: `plan-${s}-${i}`,
        articleId,
        authorId,
        body: `Comment ${s}.${i}`,
        ...(i % 2 === 1 ? { parentId: `plan-${s}-${i - 1}`, threadId: `plan-${s}-${i - 1}`, depth: 2 } : {}),
      })),
    ),
  });
  const story = stories[0];
  for (let i = 0; i < 60; i++) {
    const top = await makeComment(seeding, {
      articleId: story,
      authorId,
      status: i % 7 === 6 ? "DELETED" : "PUBLISHED",
    });
    if (i % 3 === 0) {
      const reply = await seeding.comment.create({
        data: { articleId: story, authorId, parentId: top, threadId: top, depth: 2, body: `Reply to ${top}` },
      });
      if (i % 2 === 0)
        await makeComment(seeding, {
          articleId: story,
          authorId,
          status: "PENDING",
          parentId: reply.id,
          depth: 3,
        });
    }
  }
  const analyze = new Database(file);
  analyze.exec("ANALYZE");
  analyze.close();

  // Imported after the seeding, so the DAL's connection opens on a file with statistics, and while the
  // recorder is in place (a connection keeps the prepare it found, and each text is prepared once).
  const sent = await recordSql(async () => {
    const dal = await import("@/lib/comments/dal/comments");
    await dal.listMostCommented(5);
    await dal.countComments(story);
    for (const sort of ["newest", "oldest", "top"] as const) {
      const page = await dal.listCommentPage(story, { sort, limit: 10, cut: true });
      await dal.listCommentPage(story, {
        sort,
        cursor: decodeCommentCursor(page.nextCursor, sort),
        limit: 50,
      });
    }
    const someComment = (await dal.listCommentPage(story, { limit: 10 })).threads[1].comment.id;
    await dal.locateComment(someComment);
    await dal.findComment(someComment);
    await dal.viewerCommentState(authorId, story, new Date());
    await dal.listOwnHiddenComments(authorId, story);
  });

  const reads = sent.filter(({ sql }) => /^\s*SELECT\b/i.test(sql) && /`Comment`/.test(sql));
  expect(reads.length).toBeGreaterThan(10);
  const raw = new Database(file, { readonly: true });
  try {
    const unbounded = reads.flatMap((read) =>
      commentSteps(raw, read)
        .filter((step) => !BOUNDED.test(step))
        .map((step) => `${step}\n  in ${read.sql.slice(0, 300)}`),
    );
    expect(unbounded).toEqual([]);
  } finally {
    raw.close();
  }
});
