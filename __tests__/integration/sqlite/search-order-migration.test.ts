// The *_article_search_order migration on a database that already has stories: it renumbers the
// FTS5 index in publication order (lib/stories/dal/search.ts reads a word's newest entries first and
// stops), keeps every story findable, and its triggers number new and re-dated stories the same way
// (and still drop a deleted story's entry).
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "@/prisma/migrator";

const ROOT = path.resolve(__dirname, "../../..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "search-order-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const MIGRATIONS = path.join(ROOT, "prisma/migrations");
const ORDER = readdirSync(MIGRATIONS).find((n) => n.endsWith("_article_search_order"))!;
const file = path.join(scratch, "site.db");

/** Entries newest first, as the search's window reads them. */
const newestFirst = (db: Database.Database, word: string) =>
  db
    .prepare(
      `SELECT a."slug" FROM "ArticleSearch" JOIN "Article" a ON a."id" = "ArticleSearch"."articleId"
       WHERE "ArticleSearch" MATCH ? ORDER BY "ArticleSearch"."rowid" DESC`,
    )
    .all(word)
    .map((r) => (r as { slug: string }).slug);

it("renumbers the stories already indexed, then keeps new and re-dated ones in publication order", async () => {
  // The site as it was before the migration, with stories imported out of publication order.
  const before = path.join(scratch, "before");
  cpSync(MIGRATIONS, before, { recursive: true });
  rmSync(path.join(before, ORDER), { recursive: true });
  await migrate(`file:${file}`, { migrationsDir: before });
  const db = new Database(file);
  try {
    db.prepare(`INSERT INTO "Section" ("id", "slug", "name") VALUES ('s', 'city', 'City')`).run();
    const add = db.prepare(
      `INSERT INTO "Article" ("id", "slug", "headline", "standfirst", "body", "status", "publishedAt", "sectionId", "updatedAt")
       VALUES (?, ?, 'Harbour wall', 'Repairs.', 'The harbour wall is mended.', 'PUBLISHED', ?, 's', ?)`,
    );
    const at = (day: number, extra = "") => `2026-10-${String(day).padStart(2, "0")}T09:00:00${extra}+00:00`;
    for (const [id, day] of [
      ["b", 12],
      ["a", 10],
      ["d", 14],
      ["c", 13],
    ] as const)
      add.run(id, `story-${id}`, at(day, ".250"), at(day));
    // Two in the same second, the later one imported first.
    add.run("f", "story-f", at(15, ".900"), at(15));
    add.run("e", "story-e", at(15, ".100"), at(15));
    expect(newestFirst(db, "harbour")).toEqual([
      "story-e",
      "story-f",
      "story-c",
      "story-d",
      "story-a",
      "story-b",
    ]);
    db.close();

    expect(await migrate(`file:${file}`)).toEqual({ applied: [ORDER] });
    const after = new Database(file);
    try {
      expect(newestFirst(after, "harbour")).toEqual([
        "story-f",
        "story-e",
        "story-d",
        "story-c",
        "story-b",
        "story-a",
      ]);
      expect(newestFirst(after, "mended")).toHaveLength(6);
      // Made again with prefix indexes for the search's last word (2 and 3 characters).
      const table = after
        .prepare(`SELECT "sql" FROM "sqlite_master" WHERE "name" = 'ArticleSearch'`)
        .get() as {
        sql: string;
      };
      expect(table.sql).toMatch(/prefix\s*=\s*'2 3'/);
      expect(newestFirst(after, '"me"*')).toHaveLength(6);
      after
        .prepare(
          `INSERT INTO "Article" ("id", "slug", "headline", "standfirst", "body", "status", "publishedAt", "sectionId", "updatedAt")
           VALUES ('g', 'story-g', 'Harbour lights', 'New.', 'Lights along the harbour.', 'PUBLISHED', ?, 's', ?)`,
        )
        .run(at(11), at(11));
      after.prepare(`UPDATE "Article" SET "publishedAt" = ? WHERE "id" = 'a'`).run(at(20));
      after.prepare(`UPDATE "Article" SET "headline" = 'Harbour wall, again' WHERE "id" = 'c'`).run();
      expect(newestFirst(after, "harbour")).toEqual([
        "story-a",
        "story-f",
        "story-e",
        "story-d",
        "story-c",
        "story-b",
        "story-g",
      ]);
      after.prepare(`DELETE FROM "Article" WHERE "id" = 'd'`).run();
      expect(newestFirst(after, "harbour")).not.toContain("story-d");
    } finally {
      after.close();
    }
  } finally {
    if (db.open) db.close();
  }
});
