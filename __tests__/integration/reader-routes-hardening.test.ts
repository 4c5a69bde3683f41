// What proxy.ts decides before a page renders, for the URLs that used to slip past it: everything
// under a story (its comments, reply, edit and report pages, its image) once the story is
// unpublished, and listing cursors that do not name one of the listing's stories.
import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { buildComment, buildUser } from "@/lib/comments/builders";
import { encodeCursor } from "@/lib/stories/cursor";
import { listStoryPage } from "@/lib/stories/dal/listings";
import { findSectionBySlug } from "@/lib/stories/dal/sections";
import { checkReaderRoute } from "@/lib/stories/dal/reader-routes";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

describe("a story's own pages after it is unpublished", () => {
  let comment: string;
  const under = () => [
    "/articles/soon-gone/comments",
    `/articles/soon-gone/comments/${comment}`,
    `/articles/soon-gone/comments/${comment}/reply`,
    `/articles/soon-gone/comments/${comment}/edit`,
    `/articles/soon-gone/comments/${comment}/report`,
    "/articles/soon-gone/opengraph-image-1a2b3c",
  ];
  beforeAll(async () => {
    const story = await importArticle(
      db,
      buildArticleInput({ slug: "soon-gone", redirectFrom: ["was-soon"] }),
    );
    comment = (await buildComment(db, { articleId: story.id, authorId: (await buildUser(db)).id })).id;
  });

  it("lets them through while it is published, and moves an old slug with what follows it", async () => {
    for (const path of under()) expect(await checkReaderRoute(path)).toEqual({ kind: "ok" });
    expect(await checkReaderRoute(`/articles/was-soon/comments/${comment}/reply`)).toEqual({
      kind: "redirect",
      to: `/articles/soon-gone/comments/${comment}/reply`,
      status: 308,
    });
  });

  it("answers 404 for every one of them once it is not", async () => {
    await db.article.update({ where: { slug: "soon-gone" }, data: { status: "DRAFT" } });
    expect(await checkReaderRoute("/articles/soon-gone")).toEqual({ kind: "missing" });
    for (const path of under())
      expect([path, await checkReaderRoute(path)]).toEqual([path, { kind: "missing" }]);
    expect(await checkReaderRoute("/articles/was-soon/comments")).toEqual({ kind: "missing" });
  });
});

describe("listing cursors name one of the listing's stories", () => {
  let secondPage: string;
  let sectionId: string;
  let named: { id: string; publishedAt: Date };
  let elsewhere: { id: string; publishedAt: Date };
  beforeAll(async () => {
    for (let i = 0; i < 22; i++)
      await importArticle(
        db,
        buildArticleInput({
          slug: `docks-filler-${i}`,
          section: { name: "Docks", slug: "docks" },
          publishedAt: new Date(Date.UTC(2025, 5, 1, i)),
        }),
      );
    const other = await importArticle(
      db,
      buildArticleInput({
        slug: "hills-story",
        section: { name: "Hills", slug: "hills" },
        publishedAt: new Date(Date.UTC(2025, 5, 1, 12, 30)),
      }),
    );
    sectionId = (await findSectionBySlug("docks"))!.id;
    const first = (await listStoryPage({ kind: "section", id: sectionId }))!;
    secondPage = first.older!;
    const last = first.stories[first.stories.length - 1];
    named = { id: last.id, publishedAt: last.publishedAt };
    elsewhere = { id: other.id, publishedAt: new Date(Date.UTC(2025, 5, 1, 12, 30)) };
  });

  it("lets the cursor we issued through", async () => {
    expect(await checkReaderRoute(`/sections/docks/page/${secondPage}`)).toEqual({ kind: "ok" });
    expect(encodeCursor(named)).toBe(secondPage);
  });

  it.each([
    [
      "a real story at another time",
      () => ({ ...named, publishedAt: new Date(named.publishedAt.getTime() + 1) }),
    ],
    ["a made-up id at a real story's time", () => ({ ...named, id: "madeup123" })],
    ["a story of another section", () => elsewhere],
  ])(
    "answers 404 for %s in the path and in ?before=, and sends ?after= to the first page",
    async (_, forged) => {
      const cursor = encodeCursor(forged());
      expect(await checkReaderRoute(`/sections/docks/page/${cursor}`)).toEqual({ kind: "missing" });
      expect(await checkReaderRoute("/sections/docks", `?before=${cursor}`)).toEqual({ kind: "missing" });
      // ?after= asks for the newest stories: the listing's own first page, not a new cache entry.
      expect(await checkReaderRoute("/sections/docks", `?after=${cursor}`)).toEqual({
        kind: "redirect",
        to: "/sections/docks",
        status: 307,
      });
      expect(await listStoryPage({ kind: "section", id: sectionId }, cursor)).toBeNull();
    },
  );
});
