// Raw batched inserts for the scale seeder. Prisma's createMany through the driver adapters managed
// about 60–200 stories a second here, far too slow for 100k; plain prepared statements (SQLite) and
// multi-row INSERTs (PostgreSQL), one transaction per batch, are 10–50× faster. Column names and
// the DateTime text format match what Prisma itself writes, so the app reads these rows unchanged.
import Database from "better-sqlite3";
import { Client } from "pg";
import { providerOf, sqlitePath, SQLITE_PRAGMAS } from "../../lib/prisma";

type ArticleRow = {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  body: string;
  heroImagePath: string | null;
  heroImageAlt: string | null;
  heroCaption: string | null;
  heroCredit: string | null;
  publishedAt: Date;
  sectionId: string;
};
export type Batch = {
  articles: ArticleRow[];
  bylines: { articleId: string; authorId: string; position: number }[];
  tagLinks: { articleId: string; tagId: string }[];
};
/** Plain column values; Dates and booleans are stored the way Prisma stores them on each database. */
export type Cell = string | number | boolean | Date | null;
export type BulkWriter = {
  write(batch: Batch): Promise<void>;
  /** Any rows of one table, in one transaction. */
  insert(table: string, columns: string[], rows: Cell[][]): Promise<void>;
  close(): Promise<void>;
};

const ARTICLE_COLUMNS = [
  "id",
  "slug",
  "headline",
  "standfirst",
  "body",
  "heroImagePath",
  "heroImageAlt",
  "heroCaption",
  "heroCredit",
  "status",
  "publishedAt",
  "sectionId",
  "createdAt",
  "updatedAt",
];

function articleValues(a: ArticleRow, stamp: (d: Date) => string, now: string) {
  return [
    a.id,
    a.slug,
    a.headline,
    a.standfirst,
    a.body,
    a.heroImagePath,
    a.heroImageAlt,
    a.heroCaption,
    a.heroCredit,
    "PUBLISHED",
    stamp(a.publishedAt),
    a.sectionId,
    now,
    now,
  ];
}

const quoted = (cols: string[]) => cols.map((c) => `"${c}"`).join(", ");

function sqliteWriter(url: string): BulkWriter {
  const db = new Database(sqlitePath(url));
  for (const pragma of SQLITE_PRAGMAS) db.exec(pragma);
  db.pragma("journal_mode = WAL");
  // Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit offset.
  const stamp = (d: Date) => d.toISOString().replace("Z", "+00:00");
  const article = db.prepare(
    `INSERT INTO "Article" (${quoted(ARTICLE_COLUMNS)}) VALUES (${ARTICLE_COLUMNS.map(() => "?").join(", ")})`,
  );
  const byline = db.prepare(
    `INSERT INTO "ArticleAuthor" ("articleId", "authorId", "position") VALUES (?, ?, ?)`,
  );
  const tag = db.prepare(`INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES (?, ?)`);
  const writeAll = db.transaction((batch: Batch) => {
    const now = stamp(new Date());
    for (const a of batch.articles) article.run(articleValues(a, stamp, now));
    for (const b of batch.bylines) byline.run(b.articleId, b.authorId, b.position);
    for (const t of batch.tagLinks) tag.run(t.articleId, t.tagId);
  });
  const statements = new Map<string, Database.Statement>();
  const cell = (v: Cell) => (v instanceof Date ? stamp(v) : typeof v === "boolean" ? (v ? 1 : 0) : v);
  const insertAll = db.transaction((table: string, cols: string[], rows: Cell[][]) => {
    const key = `${table}(${cols.join(",")})`;
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO "${table}" (${quoted(cols)}) VALUES (${cols.map(() => "?").join(", ")})`,
      );
      statements.set(key, statement);
    }
    for (const row of rows) statement.run(row.map(cell));
  });
  return {
    write: async (batch) => writeAll(batch),
    insert: async (table, cols, rows) => insertAll(table, cols, rows),
    close: async () => void db.close(),
  };
}

function postgresWriter(url: string): BulkWriter {
  const client = new Client({ connectionString: url });
  const connected = client.connect();
  // Columns are timestamp(3) without time zone holding UTC, as Prisma writes them.
  const stamp = (d: Date) => d.toISOString().slice(0, -1);
  async function insert(table: string, cols: string[], rows: Cell[][]) {
    // PostgreSQL allows 65,535 parameters per statement.
    const per = Math.floor(60_000 / cols.length);
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const params = chunk.flat().map((v) => (v instanceof Date ? stamp(v) : v));
      const values = chunk.map(
        (_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(", ")})`,
      );
      await client.query(`INSERT INTO "${table}" (${quoted(cols)}) VALUES ${values.join(", ")}`, params);
    }
  }
  return {
    async write(batch) {
      await connected;
      const now = stamp(new Date());
      await client.query("BEGIN");
      try {
        await insert(
          "Article",
          ARTICLE_COLUMNS,
          batch.articles.map((a) => articleValues(a, stamp, now)),
        );
        await insert(
          "ArticleAuthor",
          ["articleId", "authorId", "position"],
          batch.bylines.map((b) => [b.articleId, b.authorId, b.position]),
        );
        await insert(
          "ArticleTag",
          ["articleId", "tagId"],
          batch.tagLinks.map((t) => [t.articleId, t.tagId]),
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async insert(table, cols, rows) {
      await connected;
      await client.query("BEGIN");
      try {
        await insert(table, cols, rows);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: async () => {
      const ok = await connected.then(
        () => true,
        () => false,
      );
      // Fresh statistics: planned on the empty tables' numbers, a 20,000-comment story's count read
      // 20,000 heap rows through the wrong index (526 ms against 104 ms after ANALYZE).
      if (ok) await client.query("ANALYZE");
      await client.end();
    },
  };
}

export function bulkWriter(url: string): BulkWriter {
  return providerOf(url) === "postgresql" ? postgresWriter(url) : sqliteWriter(url);
}
