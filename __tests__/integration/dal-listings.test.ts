import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import {
  cursorForStoriesAfter,
  hasStoriesBefore,
  listPrerenderedListings,
  listStoryPage,
  listSectionRails,
  PAGE_SIZE,
  type ListingScope,
} from "@/lib/stories/dal/listings";
import { decodeCursor, encodeCursor } from "@/lib/stories/cursor";
import { findSectionBySlug } from "@/lib/stories/dal/sections";
import { findTagBySlug } from "@/lib/stories/dal/tags";
import { findAuthorBySlug } from "@/lib/stories/dal/authors";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const hour = 3600 * 1000;
const base = Date.UTC(2026, 9, 1, 9, 0, 0);
const TOTAL = 45;
const section = { name: "Docks", slug: "docks" };
const tag = { name: "Cranes", slug: "cranes" };
const author = { name: "Pat Keyset", slug: "pat-keyset" };
const expected: string[] = []; // newest first

beforeAll(async () => {
  for (let i = 0; i < TOTAL; i++) {
    // Every third story shares its time with the one before, so the id tie-break is exercised.
    const at = new Date(base + (i - (i % 3 === 2 ? 1 : 0)) * hour);
    const slug = `docks-story-${i}`;
    await importArticle(
      db,
      buildArticleInput({ slug, section, tags: [tag], authors: [author], publishedAt: at }),
    );
  }
  // Noise that must never appear: a draft in scope, and published stories elsewhere.
  await importArticle(
    db,
    buildArticleInput({ slug: "docks-draft", section, tags: [tag], authors: [author], status: "DRAFT" }),
  );
  await importArticle(db, buildArticleInput({ slug: "elsewhere", publishedAt: new Date(base) }));
  const rows = await db.article.findMany({
    where: { slug: { startsWith: "docks-story-" } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { slug: true },
  });
  expected.push(...rows.map((r) => r.slug));
});

async function scopes(): Promise<[string, ListingScope][]> {
  return [
    ["section", { kind: "section", id: (await findSectionBySlug("docks"))!.id }],
    ["tag", { kind: "tag", id: (await findTagBySlug("cranes"))!.id }],
    ["author", { kind: "author", id: (await findAuthorBySlug("pat-keyset"))!.id }],
  ];
}

describe("listStoryPage keyset pagination", () => {
  it("walks every page older and back newer with no gaps, duplicates or disorder", async () => {
    expect(expected).toHaveLength(TOTAL);
    for (const [name, scope] of await scopes()) {
      const seen: string[] = [];
      const pages = [];
      let page = (await listStoryPage(scope))!;
      pages.push(page);
      expect(page.newer).toBeNull();
      while (true) {
        expect(page.stories.length).toBeLessThanOrEqual(PAGE_SIZE);
        seen.push(...page.stories.map((s) => s.slug));
        if (!page.older) break;
        page = (await listStoryPage(scope, page.older))!;
        pages.push(page);
      }
      expect({ name, seen }).toEqual({ name, seen: expected });
      expect(pages.map((p) => p.stories.length)).toEqual([20, 20, 5]);

      // Back again: each "newer" cursor is the URL the walk forward used, so every page has one URL.
      expect(pages[2].newer).toEqual({ cursor: pages[0].older });
      const middle = (await listStoryPage(scope, pages[2].newer!.cursor!))!;
      expect(middle.stories.map((s) => s.slug)).toEqual(expected.slice(20, 40));
      expect(middle.newer).toEqual({ cursor: null });
      expect(middle.older).toBe(pages[1].older);
    }
  });

  it("maps an old ?after= cursor to the path cursor of the same stories", async () => {
    for (const [, scope] of await scopes()) {
      const first = (await listStoryPage(scope))!;
      const second = (await listStoryPage(scope, first.older!))!;
      const third = (await listStoryPage(scope, second.older!))!;
      // ?after=<page 3's newest> listed page 2's stories; ?after=<page 2's newest> page 1's.
      const at = (p: typeof first, i: number) => {
        const { publishedAt, id } = p.stories[i];
        return { publishedAt, id };
      };
      await expect(cursorForStoriesAfter(scope, at(third, 0))).resolves.toBe(first.older);
      await expect(cursorForStoriesAfter(scope, at(second, 0))).resolves.toBeNull();
      await expect(hasStoriesBefore(scope, decodeCursor(second.older!)!)).resolves.toBe(true);
      await expect(hasStoriesBefore(scope, at(third, third.stories.length - 1))).resolves.toBe(false);
    }
  });

  it("gives a 404 signal for garbage or dead-end cursors, never an exception", async () => {
    const [, scope] = (await scopes())[0];
    for (const bad of ["", "garbage!", "bm90LWEtY3Vyc29y", "a".repeat(1000), "' OR 1=1 --"]) {
      await expect(listStoryPage(scope, bad)).resolves.toBeNull();
    }
    const pastTheEnd = encodeCursor({ publishedAt: new Date(0), id: "zzz" });
    await expect(listStoryPage(scope, pastTheEnd)).resolves.toBeNull();
  });

  it("lists nothing for an unknown scope id", async () => {
    await expect(listStoryPage({ kind: "tag", id: "no-such-tag" })).resolves.toEqual({
      stories: [],
      older: null,
      newer: null,
    });
  });
});

describe("listPrerenderedListings", () => {
  it("names the listings to build ahead with their second page", async () => {
    const tags = await listPrerenderedListings("tag");
    const cranes = tags.find((t) => t.slug === "cranes")!;
    const first = (await listStoryPage((await scopes())[1][1]))!;
    expect(cranes.secondPage).toBe(first.older);
    const sections = await listPrerenderedListings("section");
    expect(sections.map((s) => s.slug)).toContain("docks");
  });
});

describe("listSectionRails", () => {
  it("gives each non-empty section its newest stories", async () => {
    const rails = await listSectionRails(4);
    const docks = rails.find((r) => r.section.slug === "docks")!;
    expect(docks.stories.map((s) => s.slug)).toEqual(expected.slice(0, 4));
    expect(rails.every((r) => r.stories.length > 0 && r.stories.length <= 4)).toBe(true);
  });
});
