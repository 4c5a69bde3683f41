// The offline migration runner, on SQLite always and on PostgreSQL when TEST_POSTGRES_URL names a
// server. Every database here is a throwaway of this file's own, whatever DATABASE_URL says.
import { createHash, randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createPrismaClient, sqlitePath } from "@/lib/prisma";
import {
  createMigration,
  derivePostgresSchema,
  migrate,
  reset,
  resolveRolledBack,
  schemaDrift,
  status,
  temporaryPgDatabase,
} from "@/prisma/migrator";

const ROOT = path.resolve(__dirname, "../..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "migrator-test-"));
const cleanups: (() => Promise<void>)[] = [];

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  applied_steps_count: number;
};
type Target = {
  provider: "sqlite" | "postgresql";
  migrations: string;
  newDatabase: () => Promise<string>;
  migrationRows: (url: string) => Promise<Row[]>;
};

const MIGRATIONS_SQL = "SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name";

const targets: Target[] = [
  {
    provider: "sqlite",
    migrations: path.join(ROOT, "prisma/migrations"),
    newDatabase: async () => `file:${path.join(scratch, `${randomBytes(6).toString("hex")}.db`)}`,
    migrationRows: async (url) => {
      const db = new Database(sqlitePath(url), { readonly: true });
      try {
        return db.prepare(MIGRATIONS_SQL).all() as Row[];
      } finally {
        db.close();
      }
    },
  },
];

const serverUrl = process.env.TEST_POSTGRES_URL;
if (serverUrl) {
  targets.push({
    provider: "postgresql",
    migrations: path.join(ROOT, "prisma/postgres/migrations"),
    newDatabase: async () => {
      const db = await temporaryPgDatabase(serverUrl);
      cleanups.push(db.drop);
      return db.url;
    },
    migrationRows: async (url) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<Row>(MIGRATIONS_SQL)).rows;
      } finally {
        await client.end();
      }
    },
  });
}

afterAll(async () => {
  await Promise.all(cleanups.map((drop) => drop()));
  rmSync(scratch, { recursive: true, force: true });
});

const names = (dir: string) =>
  readdirSync(dir)
    .filter((n) => /^\d{14}_/.test(n))
    .sort();

/** A private copy of a migrations folder, free to break and edit. */
function copyMigrations(from: string): string {
  const dir = path.join(scratch, `migrations-${randomBytes(6).toString("hex")}`);
  cpSync(from, dir, { recursive: true });
  return dir;
}

function withEnv(name: string, value: string) {
  const env = process.env as Record<string, string | undefined>;
  const before = env[name];
  env[name] = value;
  return () => void (before === undefined ? delete env[name] : (env[name] = before));
}

describe.each(targets.map((t) => [t.provider, t] as const))("migrator on %s", (provider, t) => {
  const all = names(t.migrations);

  it("applies every migration to an empty database, then has nothing left to do", async () => {
    const url = await t.newDatabase();
    expect(await status(url)).toEqual({ provider, applied: [], pending: all, failed: [], edited: [] });
    expect(await migrate(url)).toEqual({ applied: all });
    expect(await migrate(url)).toEqual({ applied: [] });
    expect(await status(url)).toEqual({ provider, applied: all, pending: [], failed: [], edited: [] });
  });

  it("records migrations exactly as `prisma migrate deploy` does, and leaves no drift from the schema", async () => {
    const url = await t.newDatabase();
    await migrate(url);
    const rows = await t.migrationRows(url);
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    for (const row of rows) {
      const sql = readFileSync(path.join(t.migrations, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
    expect(await schemaDrift(url)).toBe("");
  });

  it("names a failed migration and its SQL error, then refuses to go on until it is resolved", async () => {
    const url = await t.newDatabase();
    const dir = copyMigrations(t.migrations);
    const broken = "99990101000000_broken";
    mkdirSync(path.join(dir, broken));
    writeFileSync(path.join(dir, broken, "migration.sql"), 'INSERT INTO "NoSuchTable" VALUES (1);\n');

    const failure = migrate(url, { migrationsDir: dir });
    await expect(failure).rejects.toThrow(new RegExp(`Migration ${broken} failed: .*NoSuchTable`));
    await expect(failure).rejects.toThrow(/resolve/);
    await expect(failure.catch((e: Error) => e.message)).resolves.not.toMatch(/\n\s+at |schema_engine/);
    expect(await status(url, { migrationsDir: dir })).toMatchObject({
      applied: all,
      failed: [broken],
      pending: [],
    });
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`${broken} failed earlier`),
    );

    writeFileSync(
      path.join(dir, broken, "migration.sql"),
      'CREATE TABLE "Fixed" ("id" INTEGER PRIMARY KEY);\n',
    );
    await resolveRolledBack(url, broken);
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: [broken] });
    expect(await status(url, { migrationsDir: dir })).toMatchObject({ failed: [], pending: [] });
  });

  it("reports a migration edited after it was applied, and migrate refuses to run", async () => {
    const url = await t.newDatabase();
    const dir = copyMigrations(t.migrations);
    await migrate(url, { migrationsDir: dir });
    const first = path.join(dir, all[0], "migration.sql");
    writeFileSync(first, readFileSync(first, "utf8") + "\n-- an afterthought\n");

    expect((await status(url, { migrationsDir: dir })).edited).toEqual([all[0]]);
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration ${all[0]} was edited`),
    );
  });

  it("resets to a fresh, fully migrated database, but never under NODE_ENV=production", async () => {
    const url = await t.newDatabase();
    await migrate(url);
    const prisma = createPrismaClient(url);
    try {
      await prisma.section.create({ data: { slug: "news", name: "News" } });
    } finally {
      await prisma.$disconnect();
    }

    const restore = withEnv("NODE_ENV", "production");
    try {
      await expect(reset(url)).rejects.toThrow(/production/);
    } finally {
      restore();
    }
    expect(await reset(url)).toEqual({ applied: all });
    const after = createPrismaClient(url);
    try {
      expect(await after.section.count()).toBe(0);
    } finally {
      await after.$disconnect();
    }
  });
});

describe("migration files", () => {
  it("keep prisma/postgres/schema.prisma derived from prisma/schema.prisma", () => {
    const source = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
    expect(readFileSync(path.join(ROOT, "prisma/postgres/schema.prisma"), "utf8")).toBe(
      derivePostgresSchema(source),
    );
  });

  it("pair every SQLite migration with a PostgreSQL one, each with its lock file", () => {
    const sqlite = path.join(ROOT, "prisma/migrations");
    const postgres = path.join(ROOT, "prisma/postgres/migrations");
    expect(names(sqlite).length).toBeGreaterThan(0);
    expect(names(postgres)).toEqual(names(sqlite));
    expect(readFileSync(path.join(sqlite, "migration_lock.toml"), "utf8")).toMatch(/^provider = "sqlite"$/m);
    expect(readFileSync(path.join(postgres, "migration_lock.toml"), "utf8")).toMatch(
      /^provider = "postgresql"$/m,
    );
  });

  // createMigration needs a PostgreSQL server for its scratch database.
  if (serverUrl) {
    const copies = () => ({
      sqlite: copyMigrations(path.join(ROOT, "prisma/migrations")),
      postgresql: copyMigrations(path.join(ROOT, "prisma/postgres/migrations")),
    });

    it("leave nothing for createMigration to write", async () => {
      const dirs = copies();
      expect(await createMigration("nothing", { postgresUrl: serverUrl, migrationsDirs: dirs })).toEqual({});
      expect(names(dirs.sqlite)).toEqual(names(path.join(ROOT, "prisma/migrations")));
    });

    it("let createMigration write the same-named next migration for both providers", async () => {
      const dirs = copies();
      for (const dir of Object.values(dirs)) {
        const init = path.join(dir, names(dir)[0], "migration.sql");
        writeFileSync(init, readFileSync(init, "utf8").replace(/^\s*"heroCredit" TEXT,\n/m, ""));
      }
      const written = await createMigration("Add hero credit!", {
        postgresUrl: serverUrl,
        migrationsDirs: dirs,
      });
      expect(path.basename(written.sqlite!)).toMatch(/^\d{14}_add_hero_credit$/);
      expect(path.basename(written.postgresql!)).toBe(path.basename(written.sqlite!));
      expect(readFileSync(path.join(written.sqlite!, "migration.sql"), "utf8")).toMatch(
        /ALTER TABLE "Article" ADD COLUMN\s+"heroCredit" TEXT;/,
      );
      expect(readFileSync(path.join(written.postgresql!, "migration.sql"), "utf8")).toMatch(
        /ALTER TABLE "Article" ADD COLUMN\s+"heroCredit" TEXT;/,
      );
    });
  }
});

describe("SQLite connections from createPrismaClient", () => {
  it("enforce foreign keys and use WAL", async () => {
    const url = `file:${path.join(scratch, "pragmas.db")}`;
    await migrate(url);
    const prisma = createPrismaClient(url);
    try {
      const mode = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(mode[0].journal_mode).toBe("wal");
      await expect(
        prisma.article.create({
          data: { slug: "orphan", headline: "H", standfirst: "S", body: "B", sectionId: "missing" },
        }),
      ).rejects.toThrow(/foreign key/i);
    } finally {
      await prisma.$disconnect();
    }
  });
});
