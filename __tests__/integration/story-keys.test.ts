// Rare tags and authors are walked in memory, common ones through the date index
// (lib/stories/dal/story-keys.ts). Both ways must give the same stories in the same order.
import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { keyWalker, type KeyScope } from "@/lib/stories/dal/story-keys";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const base = Date.UTC(2026, 2, 1, 9);
const section = { name: "Quays", slug: "quays" };
const rope = { name: "Rope", slug: "rope" };
const sail = { name: "Sail", slug: "sail" };
const writer = { name: "Kim Walker", slug: "kim-walker" };

beforeAll(async () => {
  for (let i = 0; i < 12; i++) {
    // Pairs share a time, so the id tie-break decides their order.
    const at = new Date(base + Math.floor(i / 2) * 3600_000);
    await importArticle(
      db,
      buildArticleInput({
        slug: `quay-story-${i}`,
        section,
        tags: i % 3 === 0 ? [rope, sail] : [rope],
        authors: [writer],
        publishedAt: at,
      }),
    );
  }
  await importArticle(
    db,
    buildArticleInput({ slug: "quay-draft", section, tags: [rope], authors: [writer], status: "DRAFT" }),
  );
});

async function scopes(): Promise<KeyScope[]> {
  const [q, r, s, w] = await Promise.all([
    db.section.findUniqueOrThrow({ where: { slug: "quays" } }),
    db.tag.findUniqueOrThrow({ where: { slug: "rope" } }),
    db.tag.findUniqueOrThrow({ where: { slug: "sail" } }),
    db.author.findUniqueOrThrow({ where: { slug: "kim-walker" } }),
  ]);
  return [
    { kind: "section", id: q.id },
    { kind: "tag", id: r.id },
    { kind: "tags", ids: [r.id, s.id] },
    { kind: "author", id: w.id },
  ];
}

describe("keyWalker", () => {
  it("walks older and newer the same way in memory and through the index", async () => {
    for (const scope of await scopes()) {
      const inMemory = await keyWalker(scope);
      const indexed = await keyWalker(scope, 0);
      const all = await inMemory.older(null, 100);
      expect(all).toHaveLength(12); // the draft never appears
      expect(await indexed.older(null, 100)).toEqual(all);
      for (const [i, key] of all.entries()) {
        expect(await indexed.older(key, 5)).toEqual(all.slice(i + 1, i + 6));
        expect(await inMemory.older(key, 5)).toEqual(all.slice(i + 1, i + 6));
        const newer = all.slice(Math.max(0, i - 5), i).reverse();
        expect(await indexed.newer(key, 5)).toEqual(newer);
        expect(await inMemory.newer(key, 5)).toEqual(newer);
      }
      const skip = [all[0].id, all[2].id];
      expect(await indexed.older(null, 3, skip)).toEqual(await inMemory.older(null, 3, skip));
      expect((await inMemory.older(null, 3, skip)).map((k) => k.id)).toEqual([
        all[1].id,
        all[3].id,
        all[4].id,
      ]);
    }
  });
});
