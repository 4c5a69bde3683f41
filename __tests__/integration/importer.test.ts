import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/prisma";
import { importArticle, importFiles } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";
import { seedIfEmpty } from "@/prisma/seed";

const db = createPrismaClient(process.env.DATABASE_URL!);
const tmp = mkdtempSync(path.join(os.tmpdir(), "importer-test-"));
afterAll(async () => {
  await db.$disconnect();
  rmSync(tmp, { recursive: true, force: true });
});

const tagSlugs = async (articleId: string) =>
  (await db.articleTag.findMany({ where: { articleId }, select: { tag: { select: { slug: true } } } }))
    .map((t) => t.tag.slug)
    .sort();

// First, while this file's database is still empty.
describe("seedIfEmpty", () => {
  it("seeds the demo content once and is a no-op afterwards", async () => {
    const now = new Date("2026-12-10T06:00:00Z");
    const first = await seedIfEmpty(db, { now });
    expect(first).toMatchObject({ seeded: true, articles: 12, sections: 4, authors: 3 });
    expect(await db.article.count()).toBe(12);
    expect(await db.section.count()).toBe(4);
    expect(await db.author.count()).toBe(3);
    expect(await db.articleAuthor.count({ where: { author: { bio: null } } })).toBe(0);

    const dates = (await db.article.findMany({ select: { publishedAt: true } })).map((a) =>
      a.publishedAt!.getTime(),
    );
    expect(Math.max(...dates)).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - Math.max(...dates)).toBeLessThan(24 * 3600 * 1000);
    expect(now.getTime() - Math.min(...dates)).toBeLessThan(11 * 24 * 3600 * 1000);

    const second = await seedIfEmpty(db, { now });
    expect(second.seeded).toBe(false);
    expect(await db.article.count()).toBe(12);
  });
});

describe("importArticle", () => {
  it("creates the article with its section, tags and authors", async () => {
    const input = buildArticleInput({
      slug: "first-import",
      section: { name: "Harbour Life", slug: "harbour-life" },
      tags: [
        { name: "Boats", slug: "boats" },
        { name: "Gulls", slug: "gulls" },
      ],
      authors: [
        { name: "Ada Byline", slug: "ada-byline" },
        { name: "Ben Byline", slug: "ben-byline" },
      ],
    });
    const result = await importArticle(db, input);
    expect(result).toMatchObject({ slug: "first-import", created: true });

    const row = await db.article.findUniqueOrThrow({
      where: { slug: "first-import" },
      include: { section: true, authors: { include: { author: true }, orderBy: { position: "asc" } } },
    });
    expect(row.id).toBe(result.id);
    expect(row.section.slug).toBe("harbour-life");
    expect(row.authors.map((a) => a.author.slug)).toEqual(["ada-byline", "ben-byline"]);
    expect(await tagSlugs(row.id)).toEqual(["boats", "gulls"]);
    expect(row.heroImageAlt).toBe(input.image!.alt);
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(row.contentUpdatedAt).toBeNull();
  });

  it("updates on re-import without duplicating, replacing tags and keeping id and publishedAt", async () => {
    const publishedAt = new Date("2026-11-01T08:00:00Z");
    const first = await importArticle(db, buildArticleInput({ slug: "re-import", publishedAt }));

    const sameText = await importArticle(
      db,
      buildArticleInput({
        slug: "re-import",
        headline: "Harbour story",
        tags: [{ name: "Tides", slug: "tides" }],
      }),
    );
    expect(sameText).toEqual({ slug: "re-import", id: first.id, created: false });
    expect(await db.article.count({ where: { slug: "re-import" } })).toBe(1);
    expect(await tagSlugs(first.id)).toEqual(["tides"]);

    const row = await db.article.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.publishedAt).toEqual(publishedAt);
    expect(row.headline).toBe("Harbour story");
    // The headline changed between the two imports (builders number them), so this is an update.
    expect(row.contentUpdatedAt).toBeInstanceOf(Date);

    const unchanged = { ...buildArticleInput({ slug: "tags-only" }) };
    await importArticle(db, unchanged);
    await importArticle(db, { ...unchanged, tags: [] });
    const tagsOnly = await db.article.findUniqueOrThrow({ where: { slug: "tags-only" } });
    expect(tagsOnly.contentUpdatedAt).toBeNull();
    expect(await tagSlugs(tagsOnly.id)).toEqual([]);
  });

  it("renames an article through redirectFrom and keeps the old slug as a redirect", async () => {
    const original = await importArticle(db, buildArticleInput({ slug: "old-name" }));
    const renamed = await importArticle(
      db,
      buildArticleInput({ slug: "new-name", redirectFrom: ["old-name"] }),
    );
    expect(renamed).toEqual({ slug: "new-name", id: original.id, created: false });
    expect(await db.article.count({ where: { slug: { in: ["old-name", "new-name"] } } })).toBe(1);
    expect(await db.articleRedirect.findUnique({ where: { slug: "old-name" } })).toMatchObject({
      articleId: original.id,
    });
  });

  it("leaves nothing half-written when it fails part-way", async () => {
    await importArticle(db, buildArticleInput({ slug: "live-one", headline: "Live one" }));
    await importArticle(db, buildArticleInput({ slug: "live-two" }));
    const before = await db.article.count();

    // Renaming live-one succeeds inside the transaction, then live-two is found to be live: abort.
    const failing = buildArticleInput({
      slug: "claims-two-slugs",
      section: { name: "Never Created", slug: "never-created" },
      tags: [{ name: "Orphan tag", slug: "orphan-tag" }],
      authors: [{ name: "Orphan Author", slug: "orphan-author" }],
      redirectFrom: ["live-one", "live-two"],
    });
    await expect(importArticle(db, failing)).rejects.toThrow(
      /"live-two" is the slug of another live article/,
    );

    // A database constraint failing at the very last write (duplicate byline) must roll back too.
    const duplicateByline = buildArticleInput({
      slug: "duplicate-byline",
      tags: [{ name: "Orphan tag", slug: "orphan-tag" }],
      authors: [
        { name: "Orphan Author", slug: "orphan-author" },
        { name: "Orphan Author", slug: "orphan-author" },
      ],
    });
    await expect(importArticle(db, duplicateByline)).rejects.toThrow();

    expect(await db.article.count()).toBe(before);
    expect(await db.article.findUnique({ where: { slug: "live-one" } })).toMatchObject({
      headline: "Live one",
    });
    expect(await db.article.findUnique({ where: { slug: "claims-two-slugs" } })).toBeNull();
    expect(await db.section.findUnique({ where: { slug: "never-created" } })).toBeNull();
    expect(await db.tag.findUnique({ where: { slug: "orphan-tag" } })).toBeNull();
    expect(await db.author.findUnique({ where: { slug: "orphan-author" } })).toBeNull();
    expect(await db.articleRedirect.count({ where: { slug: { in: ["live-one", "live-two"] } } })).toBe(0);
  });
});

describe("importFiles", () => {
  const write = (name: string, text: string) => {
    const file = path.join(tmp, name);
    writeFileSync(file, text);
    return file;
  };

  it("names the pages a story leaves as well as the ones it joins", async () => {
    const first = write("moved.md", "---\nheadline: Moved story\nsection: City\nauthor: Jo Li\n---\n\nText.");
    await importFiles(db, [first]);
    const moved = write(
      "moved.md",
      "---\nheadline: Moved story\nsection: Climate\nauthor: Sam Roe\n---\n\nText.",
    );
    const summary = await importFiles(db, [moved]);
    expect(summary.updated).toBe(1);
    expect(summary.cacheTags.sort()).toEqual([
      "article:moved-story",
      "articles",
      "author:jo-li",
      "author:sam-roe",
      "section:city",
      "section:climate",
    ]);
  });

  it("continues past a bad file, reports it and counts the rest", async () => {
    const files = [
      write(
        "a-good.md",
        "---\nheadline: Tram depot reopens\nsection: City\nauthor: Jo Li\n---\n\nThe depot opened.",
      ),
      write("b-bad.md", "---\nslug: no-headline\n---\n\nText."),
      write(
        "c-good.txt",
        "Fog delays ferries\n\nA ferry in fog.\nFerries waited - Source : Harbour Cam\n\nAll morning.\n\nPost a Comment",
      ),
    ];
    const lines: string[] = [];
    const summary = await importFiles(db, files, {
      onProgress: (l) => lines.push(l),
      defaults: { section: "World" },
    });

    expect(summary).toEqual({
      imported: 2,
      updated: 0,
      cacheTags: expect.any(Array),
      failed: [{ file: files[1], message: `${files[1]}: front matter is missing "headline"` }],
    });
    // What a running site is told to refresh: only the two stories that went in, and the lists.
    expect(summary.cacheTags.sort()).toEqual([
      "article:fog-delays-ferries",
      "article:tram-depot-reopens",
      "articles",
      "author:jo-li",
      "author:staff",
      "section:city",
      "section:world",
    ]);
    expect(lines).toEqual([
      "[1/3] imported tram-depot-reopens",
      `[2/3] failed ${files[1]}: front matter is missing "headline"`,
      "[3/3] imported fog-delays-ferries",
    ]);
    const fog = await db.article.findUniqueOrThrow({
      where: { slug: "fog-delays-ferries" },
      include: { section: true },
    });
    expect(fog.section.slug).toBe("world");
    expect(fog.heroCredit).toBe("Harbour Cam");

    const again = await importFiles(db, [files[0], files[2], files[0]]);
    expect(again.updated).toBe(2);
    expect(again.failed[0].message).toMatch(
      /slug "tram-depot-reopens" was already imported from .*a-good\.md/,
    );
  });
});

describe("npm run articles:import, when the running site cannot be told", () => {
  const story = () => {
    const file = path.join(tmp, `told-${Math.random().toString(36).slice(2)}.md`);
    writeFileSync(file, "---\nheadline: Harbour lights relit\nsection: City\nauthor: Jo Li\n---\n\nText.");
    return file;
  };
  /** Runs the real command (tsx scripts/import-articles.ts) against this file's database. */
  const run = (siteUrl: string, file: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        path.join(process.cwd(), "node_modules/.bin/tsx"),
        ["scripts/import-articles.ts", file],
        {
          env: { ...process.env, SITE_URL: siteUrl, REVALIDATE_SECRET: "importer-test-secret-0123456789" },
          timeout: 120_000,
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
  const listen = (server: Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
    );

  it("warns loudly and exits 3 when nothing answers at SITE_URL, with the import committed", async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const siteUrl = `http://127.0.0.1:${port}`;
    const { code, stderr } = await run(siteUrl, story());
    expect(code).toBe(3);
    expect(stderr).toContain("WARNING: the running site was NOT told about this import.");
    expect(stderr).toContain(`Nothing answered at ${siteUrl} (ECONNREFUSED)`);
    expect(stderr).toMatch(/Fix: set SITE_URL to the address where the site answers/);
    expect(await db.article.findUnique({ where: { slug: "harbour-lights-relit" } })).not.toBeNull();
  });

  it("warns and exits 3 when the site refuses the secret", async () => {
    const site = createServer((_req, res) => res.writeHead(401).end('{"error":"unauthorised"}'));
    const port = await listen(site);
    try {
      const { code, stderr } = await run(`http://127.0.0.1:${port}`, story());
      expect(code).toBe(3);
      expect(stderr).toContain("WARNING: the running site was NOT told about this import.");
      expect(stderr).toContain("refused the request (HTTP 401)");
      expect(stderr).toContain("Fix: set REVALIDATE_SECRET here to the value the running site uses");
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });
});
