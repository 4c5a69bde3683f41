import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { getArticleNeighbours } from "@/lib/stories/dal/related";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const day = 24 * 3600 * 1000;
const base = Date.UTC(2026, 8, 1, 9, 0, 0);
const arts = { name: "Arts", slug: "arts" };
const sport = { name: "Sport", slug: "sport" };
const opera = { name: "Opera", slug: "opera" };
const ids: Record<string, string> = {};

async function add(slug: string, days: number, extra: Parameters<typeof buildArticleInput>[0] = {}) {
  const r = await importArticle(
    db,
    buildArticleInput({ slug, publishedAt: new Date(base + days * day), ...extra }),
  );
  ids[slug] = r.id;
}

beforeAll(async () => {
  await add("arts-1", 1, { section: arts, tags: [] });
  await add("arts-2", 2, { section: arts, tags: [opera] });
  await add("arts-3", 3, { section: arts, tags: [] });
  await add("arts-draft", 3.5, { section: arts, tags: [opera], status: "DRAFT" });
  await add("arts-4", 4, { section: arts, tags: [] });
  await add("sport-opera", 5, { section: sport, tags: [opera] });
  await add("sport-other", 6, { section: sport, tags: [] });
});

const slugs = (xs: { slug: string }[]) => xs.map((x) => x.slug);

describe("getArticleNeighbours", () => {
  it("links the previous and next stories in the section, skipping drafts", async () => {
    const n = await getArticleNeighbours(ids["arts-3"]);
    expect(n.previous?.slug).toBe("arts-2");
    expect(n.next?.slug).toBe("arts-4");
    expect((await getArticleNeighbours(ids["arts-1"])).previous).toBeNull();
    expect((await getArticleNeighbours(ids["arts-4"])).next).toBeNull();
  });

  it("puts stories sharing a tag first, fills from the section, never itself, at most four", async () => {
    const n = await getArticleNeighbours(ids["arts-2"]);
    expect(slugs(n.related)).toEqual(["sport-opera", "arts-4", "arts-3", "arts-1"]);
    expect(slugs(n.related)).not.toContain("arts-2");
    expect(slugs(n.related)).not.toContain("arts-draft");
  });

  it("returns no related stories outside the section without a shared tag", async () => {
    const n = await getArticleNeighbours(ids["sport-other"]);
    expect(slugs(n.related)).toEqual(["sport-opera"]);
    expect(n.previous?.slug).toBe("sport-opera");
  });

  it("returns nothing for unknown or hostile ids", async () => {
    const empty = { related: [], previous: null, next: null };
    await expect(getArticleNeighbours("nope")).resolves.toEqual(empty);
    await expect(getArticleNeighbours("x".repeat(10_000))).resolves.toEqual(empty);
  });
});
