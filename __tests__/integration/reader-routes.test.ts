import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { encodeCursor } from "@/lib/stories/cursor";
import { listStoryPage } from "@/lib/stories/dal/listings";
import { findSectionBySlug } from "@/lib/stories/dal/sections";
import { checkReaderRoute, forgetReaderRoutes, readerRouteVerdict } from "@/lib/stories/dal/reader-routes";

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
      status: 308,
    });
  });
});

describe("listing pages and their cursors", () => {
  // Page 2 of City exists once it has more than a page of stories.
  let secondPage: string;
  beforeAll(async () => {
    for (let i = 0; i < 22; i++)
      await importArticle(
        db,
        buildArticleInput({
          slug: `city-filler-${i}`,
          section: { name: "City", slug: "city" },
          publishedAt: new Date(Date.UTC(2026, 0, 1, i)),
        }),
      );
    const city = await findSectionBySlug("city");
    secondPage = (await listStoryPage({ kind: "section", id: city!.id }))!.older!;
  });
  const pastTheEnd = encodeCursor({ publishedAt: new Date(0), id: "zzz" });

  it("lets a page cursor we issued through", async () => {
    expect(await checkReaderRoute(`/sections/city/page/${secondPage}`)).toEqual({ kind: "ok" });
  });

  it.each([
    ["garbage cursor", "/sections/city/page/garbage!"],
    ["cursor past the end", `/sections/city/page/${pastTheEnd}`],
    ["unknown section with a good cursor", "/sections/nope/page/CURSOR"],
    ["unknown tag", "/tags/nope/page/CURSOR"],
  ])("answers 404 for a %s", async (_, path) => {
    expect(await checkReaderRoute(path.replace("CURSOR", secondPage))).toEqual({ kind: "missing" });
  });

  it("sends old ?before= URLs to the path form for good, and ?after= to where those stories are now", async () => {
    expect(await checkReaderRoute("/sections/city", `?before=${secondPage}&utm_source=x`)).toEqual({
      kind: "redirect",
      to: `/sections/city/page/${secondPage}`,
      status: 308,
    });
    // ?after=<any of page 2's stories> listed the newest stories: the first page.
    const page2 = (await listStoryPage(
      { kind: "section", id: (await findSectionBySlug("city"))!.id },
      secondPage,
    ))!;
    const { publishedAt, id } = page2.stories[0];
    expect(await checkReaderRoute("/sections/city", `?after=${encodeCursor({ publishedAt, id })}`)).toEqual({
      kind: "redirect",
      to: "/sections/city",
      status: 307,
    });
    expect(await checkReaderRoute("/sections/city", "?before=garbage")).toEqual({ kind: "missing" });
    expect(await checkReaderRoute("/tags/harbour", `?before=${pastTheEnd}`)).toEqual({ kind: "missing" });
    expect(await checkReaderRoute("/sections/city", "?utm_source=x")).toEqual({ kind: "ok" });
  });
});

describe("readerRouteVerdict (remembered verdicts)", () => {
  it("answers from memory until forgetReaderRoutes, then sees a renamed slug at once", async () => {
    await importArticle(db, buildArticleInput({ slug: "first-name" }));
    forgetReaderRoutes();
    expect(await readerRouteVerdict("/articles/first-name")).toEqual({ kind: "ok" });
    expect(await readerRouteVerdict("/articles/second-name")).toEqual({ kind: "missing" });

    // The importer renames the story; until the site is told, the remembered answers stand.
    await importArticle(db, buildArticleInput({ slug: "second-name", redirectFrom: ["first-name"] }));
    expect(await readerRouteVerdict("/articles/first-name")).toEqual({ kind: "ok" });

    forgetReaderRoutes(); // what POST /api/revalidate does
    expect(await readerRouteVerdict("/articles/first-name")).toEqual({
      kind: "redirect",
      to: "/articles/second-name",
      status: 308,
    });
    expect(await readerRouteVerdict("/articles/second-name")).toEqual({ kind: "ok" });
  });

  it("keys listing verdicts by their legacy cursor only", async () => {
    forgetReaderRoutes();
    expect(await readerRouteVerdict("/sections/city", "?utm_source=a")).toEqual({ kind: "ok" });
    expect(await readerRouteVerdict("/sections/city", "?before=garbage")).toEqual({ kind: "missing" });
    expect(await readerRouteVerdict("/sections/city", "?utm_source=b")).toEqual({ kind: "ok" });
  });
});
