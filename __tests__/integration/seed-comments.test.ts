import { createPrismaClient } from "@/lib/prisma";
import { seed } from "@/prisma/seed";
import { listCommentPage } from "@/lib/comments/dal/comments";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const now = new Date("2026-12-10T06:00:00Z");

it("seeds the demo conversation once, threaded past depth 3, never in the future", async () => {
  const first = await seed(db, { now });
  expect(first.comments).toBe(12);
  const again = await seed(db, { now });
  expect(again.comments).toBe(12);
  expect(await db.comment.count()).toBe(12);
  expect(await db.user.count({ where: { email: { not: null } } })).toBe(0);
  expect(await db.comment.count({ where: { createdAt: { gt: now } } })).toBe(0);

  const kelp = await db.article.findUniqueOrThrow({ where: { slug: "kelp-farmers-bet-on-the-bay" } });
  const page = await listCommentPage(kelp.id, { sort: "oldest" });
  expect(page.total).toBe(7);
  const question = page.threads.find((t) => t.comment.id === "demo-kelp-2")!;
  expect(question.replies.map((r) => [r.id, r.depth])).toEqual([
    ["demo-kelp-3", 2],
    ["demo-kelp-4", 3],
    ["demo-kelp-5", 3],
    ["demo-kelp-6", 2],
  ]);
  expect(question.replies[2].replyTo).toEqual({ id: "demo-kelp-4", authorName: "Ines Okafor" });
  expect(question.replies[3].authorRole).toBe("MODERATOR");
});
