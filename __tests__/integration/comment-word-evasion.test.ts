// Disguised words through the real write path: the lists the moderators keep in site settings, a
// comment written with look-alike letters, leetspeak and spacing, and where createComment puts it.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildUser } from "@/lib/comments/builders";
import { createCommentRateLimiter } from "@/lib/comments/rate-limit";
import { createComment } from "@/lib/comments/dal/writes";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const limiter = createCommentRateLimiter({ store: "memory", perMinute: 10_000, perDay: 10_000 });
const settings = (data: Record<string, unknown>) =>
  db.siteSettings.upsert({ where: { id: "site" }, create: data, update: data });

let reader: string;
let story: string;
beforeAll(async () => {
  reader = (await buildUser(db, { name: "Evasive Reader" })).id;
  story = (await importArticle(db, buildArticleInput())).id;
  await settings({ premoderation: "OFF", bannedWords: "idiot\nscum", suspectWords: "liar" });
});
afterAll(() => settings({ bannedWords: "", suspectWords: "" }));

const post = (body: string) => createComment(reader, { articleId: story, body }, { limiter });

it("rejects a banned word written with a Cyrillic letter, leetspeak and spacing", async () => {
  for (const body of ["What an іd10t.", "You s c u m.", "i.d.i.o.o.o.t"]) {
    const result = await post(body);
    expect([body, result]).toMatchObject([body, { ok: false, code: "rejected" }]);
  }
  const rows = await db.comment.findMany({ where: { articleId: story, authorId: reader } });
  expect(Object.fromEntries(rows.map((r) => [r.body, [r.status, r.moderationReason]]))).toEqual({
    "What an іd10t.": ["REJECTED", "banned-word:idiot"],
    "You s c u m.": ["REJECTED", "banned-word:scum"],
    "i.d.i.o.o.o.t": ["REJECTED", "banned-word:idiot"],
  });
});

it("holds a disguised suspect word as PENDING and publishes an ordinary comment", async () => {
  const held = await post("The minister is a l\u200Bі@r, frankly.");
  expect(held).toMatchObject({ ok: true, status: "PENDING" });
  if (!held.ok) return;
  expect(await db.comment.findUniqueOrThrow({ where: { id: held.commentId } })).toMatchObject({
    status: "PENDING",
    moderationReason: "suspect-word:liar",
  });
  const fine = await post("I do it at 7 a.m., e.g. before the U.S. markets open: a classic routine.");
  expect(fine).toMatchObject({ ok: true, status: "PUBLISHED" });
});
