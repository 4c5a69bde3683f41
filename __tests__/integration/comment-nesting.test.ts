// Deeply nested quotes and lists against a real database: rows stored before the limit (or imported)
// render as the story page renders them, and the DAL refuses new ones with the body field error.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CommentsSection } from "@/components/comments-section";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { createCommentRateLimiter } from "@/lib/comments/rate-limit";
import { createComment, editComment } from "@/lib/comments/dal/writes";
import { listCommentHighlights } from "@/lib/comments/dal/highlights";
import { listCommentPage } from "@/lib/comments/dal/comments";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { createPrismaClient } from "@/lib/prisma";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));
// The forms post to server actions; rendering them needs only their references.
jest.mock("@/lib/comments/actions", () => jest.requireActual("../support/inert-comment-actions"));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const limiter = createCommentRateLimiter({ store: "memory", perMinute: 10_000, perDay: 10_000 });
const NESTING = "Quotes and lists can be nested at most 8 deep.";

// 5,000 levels and more, past the length limit too, as an old row or an import could hold.
const DEEP: [name: string, body: string][] = [
  ["`>` × 5,000", ">".repeat(5000) + " quoted"],
  ["`- ` × 5,000", "- ".repeat(5000) + "listed"],
  ["`1. ` × 5,000", "1. ".repeat(5000) + "numbered"],
  ["`> - 1. ` × 2,000 (6,000 levels)", "> - 1. ".repeat(2000) + "mixed"],
];
// What fits in 5,000 characters, through the DAL the actions call.
const DEEP_POSTS: [name: string, body: string][] = [
  ["`>` × 2,500", ">".repeat(2500) + " x"],
  ["`- ` × 1,600", "- ".repeat(1600) + "x"],
  ["`1. ` × 1,600", "1. ".repeat(1600) + "x"],
  ["`> - 1. ` × 700", "> - 1. ".repeat(700) + "x"],
  ["nine levels", "> ".repeat(9) + "x"],
];

let story = "";
let slug = "";
let reader = "";

beforeAll(async () => {
  const article = await importArticle(
    db,
    buildArticleInput({ publishedAt: new Date(Date.now() - 3_600_000) }),
  );
  story = article.id;
  slug = (await db.article.findUniqueOrThrow({ where: { id: story }, select: { slug: true } })).slug;
  reader = (await buildUser(db, { name: "Nia Reader" })).id;
});

async function renderSection(): Promise<string> {
  const [page, highlights] = await Promise.all([listCommentPage(story), listCommentHighlights(story)]);
  return renderToStaticMarkup(
    createElement(CommentsSection, { article: { id: story, slug, commentsClosed: false }, page, highlights }),
  );
}

describe("deeply nested comments already stored", () => {
  it("render in the story's comment section, flattened, beside ordinary ones", async () => {
    const plain = await buildComment(db, {
      articleId: story,
      authorId: reader,
      body: "An *ordinary* remark.",
    });
    const ids: string[] = [];
    for (const [, body] of DEEP)
      ids.push((await buildComment(db, { articleId: story, authorId: reader, body })).id);
    await buildComment(db, {
      articleId: story,
      authorId: reader,
      parentId: plain.id,
      threadId: plain.id,
      depth: 2,
      body: "> ".repeat(3000) + "a deep reply",
    });
    await db.comment.update({ where: { id: ids[0] }, data: { featured: true } });

    const html = await renderSection();
    expect(html).toContain("6 Comments");
    expect(html).toContain("An <em>ordinary</em> remark.");
    for (const text of ["quoted", "listed", "numbered", "mixed", "a deep reply"])
      expect(html).toContain(text);
    expect(html).not.toContain("could not be displayed");
    // Eight levels kept, the rest shown as text.
    expect(html).toContain("<blockquote>\n".repeat(8) + "<p>" + "&gt;".repeat(4992) + " quoted</p>");
    expect(html).not.toContain("<blockquote>\n".repeat(9));
    expect(html).not.toContain("<ul>\n<li>\n".repeat(9));
  });
});

describe("posting deeply nested comments", () => {
  it.each(DEEP_POSTS)("refuses %s with the body field error", async (_name, body) => {
    const result = await createComment(reader, { articleId: story, body }, { limiter });
    expect(result).toEqual({
      ok: false,
      code: "invalid",
      message: expect.any(String),
      fieldErrors: { body: [NESTING] },
    });
  });

  it("refuses an edit that nests too deep, and accepts eight levels", async () => {
    const made = await createComment(
      reader,
      { articleId: story, body: "> ".repeat(8) + "eight" },
      { limiter },
    );
    expect(made).toMatchObject({ ok: true });
    if (!made.ok) return;
    expect(await editComment(reader, { commentId: made.commentId, body: "- ".repeat(1600) + "x" })).toEqual({
      ok: false,
      code: "invalid",
      message: expect.any(String),
      fieldErrors: { body: [NESTING] },
    });
  });
});
