// A comments page reads its threads' replies with `threadId IN (…)` and a status OR. Without
// statistics SQLite answered that by walking the whole (status, createdAt) index — 2.7 s per page at
// 2,000,000 comments — so lib/prisma.ts analyzes a file whose comments were never analyzed when it
// opens it. A connection opened on a file with comments must then plan by the thread index.
import { createPrismaClient } from "@/lib/prisma";
import { makeComment, makeStory, makeUser, testDb } from "../../support/moderation-fixtures";

const seeding = testDb();
afterAll(() => seeding.$disconnect());

const REPLIES_SQL = `EXPLAIN QUERY PLAN SELECT c."id" FROM "Comment" AS c LEFT JOIN "User" AS u ON u."id" = c."authorId"
  WHERE c."threadId" IN (?, ?, ?) AND ((c."status" = 'PUBLISHED' AND NOT (u."shadowBanned" = 1 AND u."id" IS NOT NULL))
  OR c."status" = 'DELETED') ORDER BY c."createdAt" ASC, c."id" ASC`;

it("reads a page's replies by the thread index once the file has comments", async () => {
  const articleId = await makeStory(seeding);
  const authorId = await makeUser(seeding);
  const tops: string[] = [];
  for (let i = 0; i < 30; i++) tops.push(await makeComment(seeding, { articleId, authorId }));
  await seeding.comment.createMany({
    data: tops.flatMap((top) =>
      [0, 1, 2].map((k) => ({
        articleId,
        authorId,
        parentId: top,
        threadId: top,
        depth: 1,
        body: `Reply ${k} to ${top}`,
        status: k === 2 ? ("DELETED" as const) : ("PUBLISHED" as const),
      })),
    ),
  });

  // A new connection, as a server started on this file would open.
  const db = createPrismaClient(process.env.DATABASE_URL!);
  try {
    const plan = await db.$queryRawUnsafe<{ detail: string }[]>(REPLIES_SQL, ...tops.slice(0, 3));
    const comment = plan.map((r) => r.detail).filter((d) => /\bc\b/.test(d) && !/\bu\b/.test(d));
    expect(comment.join("\n")).toMatch(/USING INDEX Comment_threadId_createdAt_idx \(threadId=\?\)/);
    expect(comment.join("\n")).not.toMatch(/Comment_status_createdAt_idx/);
  } finally {
    await db.$disconnect();
  }
});
