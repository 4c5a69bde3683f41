import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/importer/import";
import { buildArticleInput } from "@/lib/importer/builders";
import { checkReaderRoute } from "@/lib/dal/reader-routes";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

beforeAll(async () => {
  await importArticle(
    db,
    buildArticleInput({
      slug: "live-story",
      redirectFrom: ["old-live-story"],
      section: { name: "City", slug: "city" },
      tags: [{ name: "Harbour", slug: "harbour" }],
      authors: [{ name: "Ada Reporter", slug: "ada-reporter" }],
    }),
  );
  await importArticle(
    db,
    buildArticleInput({ slug: "draft-story", status: "DRAFT", redirectFrom: ["old-draft"] }),
  );
});

describe("checkReaderRoute (what proxy.ts answers before a reader page renders)", () => {
  it.each([
    ["/articles/live-story"],
    ["/sections/city"],
    ["/tags/harbour"],
    ["/authors/ada-reporter"],
    ["/"],
    ["/search"],
    ["/articles/live-story/opengraph-image-abc"],
  ])("lets %s through", async (path) => {
    expect(await checkReaderRoute(path)).toEqual({ kind: "ok" });
  });

  it.each([
    ["/articles/no-such-story"],
    ["/articles/draft-story"],
    ["/articles/old-draft"],
    ["/sections/nope"],
    ["/tags/nope"],
    ["/authors/nope"],
    ["/articles/%E0%A4%A"],
    [`/articles/${"x".repeat(500)}`],
  ])("answers 404 for %s", async (path) => {
    expect(await checkReaderRoute(path)).toEqual({ kind: "missing" });
  });

  it("sends an old slug to the current one", async () => {
    expect(await checkReaderRoute("/articles/old-live-story")).toEqual({
      kind: "redirect",
      to: "/articles/live-story",
    });
  });
});
