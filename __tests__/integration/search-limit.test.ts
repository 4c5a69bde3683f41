// Each search is a full-text query no cache answers, so searches are limited per client address
// (SEARCH_LIMIT_PER_MINUTE, default 30): the one past the limit is not run and says when to retry.
import { createPrismaClient } from "@/lib/prisma";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { importArticle } from "@/lib/stories/importer/import";
import { searchFor } from "@/lib/stories/dal/search";
import { env } from "@/lib/env";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

beforeAll(async () => {
  await importArticle(
    db,
    buildArticleInput({ slug: "lighthouse-keeper", headline: "Lighthouse keeper retires" }),
  );
});

describe("searchFor", () => {
  it(`refuses the search after ${env.SEARCH_LIMIT_PER_MINUTE} in a minute from one address`, async () => {
    for (let i = 0; i < env.SEARCH_LIMIT_PER_MINUTE; i++) {
      const result = await searchFor("203.0.113.9", "lighthouse");
      expect("limited" in result ? result.limited.message : result.total).toBe(1);
    }
    const refused = await searchFor("203.0.113.9", "lighthouse");
    expect(refused).toMatchObject({
      limited: {
        ok: false,
        code: "rate_limited",
        message: expect.stringMatching(
          /^Too many searches from your address\. You can search again in \d+ seconds?\.$/,
        ),
        retryAfterSeconds: expect.any(Number),
      },
      query: { text: "lighthouse" },
    });
    // Another address is not held up, and an empty search (no query) never counts.
    expect(await searchFor("198.51.100.1", "lighthouse")).toMatchObject({ total: 1 });
    expect(await searchFor("203.0.113.9", "")).toMatchObject({ total: 0 });
  });
});
