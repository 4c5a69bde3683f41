import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { findArticleBySlug, listLatestArticles } from "@/lib/stories/dal/articles";
import { listSections } from "@/lib/stories/dal/sections";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const day = 24 * 3600 * 1000;
const base = Date.UTC(2026, 10, 1, 9, 0, 0);

beforeAll(async () => {
  await importArticle(db, buildArticleInput({ slug: "older-story", publishedAt: new Date(base) }));
  await importArticle(
    db,
    buildArticleInput({
      slug: "newer-story",
      headline: "Newer story",
      publishedAt: new Date(base + day),
      redirectFrom: ["newer-story-old-name"],
    }),
  );
  await importArticle(
    db,
    buildArticleInput({ slug: "a-draft", status: "DRAFT", publishedAt: new Date(base + 2 * day) }),
  );
});

describe("listLatestArticles", () => {
  it("lists published stories newest first and never drafts", async () => {
    const slugs = (await listLatestArticles(10)).map((a) => a.slug);
    expect(slugs).toEqual(["newer-story", "older-story"]);
  });

  it("returns narrow DTOs: byline, section and hero, no body", async () => {
    const [story] = await listLatestArticles(1);
    expect(Object.keys(story).sort()).toEqual(
      ["authors", "headline", "hero", "id", "publishedAt", "section", "slug", "standfirst"].sort(),
    );
    expect(story.authors.length).toBeGreaterThan(0);
    expect(story.section.slug).toMatch(/^[a-z0-9-]+$/);
  });

  it("caps the page size", async () => {
    expect((await listLatestArticles(0)).length).toBe(1);
    expect((await listLatestArticles(10_000)).length).toBe(2);
  });
});

describe("findArticleBySlug", () => {
  it("finds a published story with body, tags and hero", async () => {
    const found = await findArticleBySlug("newer-story");
    expect(found.kind).toBe("article");
    if (found.kind !== "article") return;
    expect(found.article.headline).toBe("Newer story");
    expect(found.article.body.length).toBeGreaterThan(0);
    expect(found.article.publishedAt.toISOString()).toBe(new Date(base + day).toISOString());
  });

  it("sends an old slug to the current one", async () => {
    expect(await findArticleBySlug("newer-story-old-name")).toEqual({
      kind: "redirect",
      slug: "newer-story",
    });
  });

  it("hides drafts and unknown slugs", async () => {
    expect(await findArticleBySlug("a-draft")).toEqual({ kind: "missing" });
    expect(await findArticleBySlug("no-such-story")).toEqual({ kind: "missing" });
    expect(await findArticleBySlug("x".repeat(5000))).toEqual({ kind: "missing" });
  });
});

describe("listSections", () => {
  it("lists sections by position", async () => {
    const sections = await listSections();
    expect(sections.length).toBeGreaterThan(0);
    expect(Object.keys(sections[0]).sort()).toEqual(["name", "slug"]);
  });
});
