// A story's published-comment count runs on every comments page and every story render: it must
// read that story's range of an index, not count through every published comment on the site (the
// status index SQLite chose before, which at 2,000,000 comments took seconds per page).
import { createPrismaClient } from "@/lib/prisma";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

it("counts a story's published comments by an index on (articleId, status)", async () => {
  const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
    `EXPLAIN QUERY PLAN SELECT COUNT(*) FROM "Comment" AS c LEFT JOIN "User" AS u ON u."id" = c."authorId"
     WHERE c."articleId" = ? AND c."status" = 'PUBLISHED' AND NOT (u."shadowBanned" = 1 AND u."id" IS NOT NULL)`,
    "some-story",
  );
  const comment = plan.map((r) => r.detail).find((d) => /\bc\b/.test(d) && !/\bu\b/.test(d)) ?? "";
  expect(comment).toMatch(/USING (COVERING )?INDEX \S+ \(articleId=\? AND status=\?\)/);
});
