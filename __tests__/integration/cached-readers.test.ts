// The "use cache" readers are server functions too: Next gives each an action id
// (server-reference-manifest.json), so a POST can call them with any arguments. They must answer a
// draft's id, or a Prisma filter object in place of an id, with nothing.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { cachedCommentHighlights, cachedCommentPage } from "@/app/(site)/_lib/cached-comments";
import {
  cachedArticle,
  cachedArticleExtras,
  cachedAuthor,
  cachedLatestSlugs,
  cachedPrerenderedListings,
  cachedSection,
  cachedStoryPage,
  cachedTag,
} from "@/app/(site)/_lib/cached";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));
// Outside a Next request there is no cache scope: the cache calls are recorded as nothing.
jest.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

// What a hostile POST can put where an id or slug belongs.
const filter = { not: "x" } as unknown as string;

let live: string;
let draft: string;
let draftComment: string;
beforeAll(async () => {
  live = (await importArticle(db, buildArticleInput({ slug: "cached-live" }))).id;
  draft = (await importArticle(db, buildArticleInput({ slug: "cached-draft", status: "DRAFT" }))).id;
  const author = (await buildUser(db)).id;
  await buildComment(db, { articleId: live, authorId: author, body: "On the live story." });
  draftComment = (
    await buildComment(db, {
      articleId: draft,
      authorId: author,
      body: "On the draft.",
      featured: true,
      pinnedAt: new Date(),
    })
  ).id;
});

describe("cachedCommentPage and cachedCommentHighlights", () => {
  it("answer a published story's comments", async () => {
    const page = await cachedCommentPage(live);
    expect(page?.threads.map((t) => t.comment.body)).toEqual(["On the live story."]);
  });

  it("answer nothing for a draft's id", async () => {
    expect(await cachedCommentPage(draft)).toBeNull();
    expect(await cachedCommentPage(draft, "top")).toBeNull();
    expect(await cachedCommentHighlights(draft)).toEqual({ featured: [], pinned: [] });
  });

  it("answer nothing for a filter object in place of the id", async () => {
    expect(await cachedCommentPage(filter)).toBeNull();
    expect(await cachedCommentPage(filter, "oldest")).toBeNull();
    expect(await cachedCommentHighlights(filter)).toEqual({ featured: [], pinned: [] });
  });

  it("refuse a sort or cursor that is not one of ours", async () => {
    expect(await cachedCommentPage(live, filter as never)).toBeNull();
    expect(await cachedCommentPage(live, "newest", filter)).toBeNull();
    expect(JSON.stringify(await cachedCommentPage(live))).not.toContain(draftComment);
  });
});

describe("the other cached readers", () => {
  it("answer a filter object with nothing", async () => {
    expect(await cachedArticle(filter)).toEqual({ kind: "missing" });
    expect(await cachedSection(filter)).toBeNull();
    expect(await cachedTag(filter)).toBeNull();
    expect(await cachedAuthor(filter)).toBeNull();
    expect(await cachedArticleExtras(filter, "news", [])).toEqual({
      neighbours: { related: [], previous: null, next: null },
    });
    expect(await cachedStoryPage({ kind: "section", id: filter }, undefined, "articles")).toBeNull();
    expect(await cachedStoryPage({ kind: filter as never, id: live }, undefined, "articles")).toBeNull();
    expect(await cachedPrerenderedListings(filter as never)).toEqual([]);
    expect(await cachedLatestSlugs(1e9)).toEqual([]);
  });

  it("never hand out a draft", async () => {
    expect(await cachedArticle("cached-draft")).toEqual({ kind: "missing" });
    expect(await cachedArticle("cached-live")).toMatchObject({ kind: "article" });
  });
});
