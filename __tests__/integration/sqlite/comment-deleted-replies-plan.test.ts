// A "[deleted]" comment keeps its place while a visible reply hangs below it: every comments page
// asks that of the story's deleted top-level comments, and a permalink of the comment it opens. With
// no index on parentId SQLite answered by walking the (status, createdAt) index, every published
// comment on the site, once per deleted comment: 100 deleted threads without replies took 2.0 s a
// page at 21,000 comments (3 ms with the index), and it grows with the site.
import { createPrismaClient } from "@/lib/prisma";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

// The shape Prisma sends for topLevel(articleId, "DELETED") in lib/comments/dal/comments.ts.
const DELETED_TOPS_SQL = `EXPLAIN QUERY PLAN SELECT c."id" FROM "Comment" AS c
  WHERE c."articleId" = ? AND c."parentId" IS NULL AND c."status" = 'DELETED' AND EXISTS(
    SELECT t0."parentId" FROM "Comment" AS t0 LEFT JOIN "User" AS j1 ON j1."id" = t0."authorId"
    WHERE ((t0."status" = 'PUBLISHED' AND NOT (j1."shadowBanned" = 1 AND j1."id" IS NOT NULL))
      OR (t0."status" = 'DELETED' AND EXISTS(
        SELECT t2."parentId" FROM "Comment" AS t2 LEFT JOIN "User" AS j3 ON j3."id" = t2."authorId"
        WHERE t2."status" = 'PUBLISHED' AND NOT (j3."shadowBanned" = 1 AND j3."id" IS NOT NULL)
          AND t2."parentId" = t0."id")))
      AND t0."parentId" = c."id")
  ORDER BY c."createdAt" DESC, c."id" DESC LIMIT 51`;

it("looks up a deleted comment's replies by the parent index", async () => {
  const plan = await db.$queryRawUnsafe<{ detail: string }[]>(DELETED_TOPS_SQL, "some-story");
  const replies = plan.map((r) => r.detail).filter((d) => /\b(t0|t2)\b/.test(d));
  expect(replies.length).toBeGreaterThan(0);
  for (const step of replies)
    expect(step).toMatch(/USING (COVERING )?INDEX Comment_parentId_status_idx \(parentId=\?/);
});
