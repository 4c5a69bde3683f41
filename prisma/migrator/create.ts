// `migration:new`: the next migration for both providers, from a replay and a diff.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Provider } from "../../lib/prisma";
import { MigrationError } from "../engine";
import { migrate } from "./apply";
import { scratchDatabase } from "./databases";
import { DEFAULT_PG_SERVER, LOCK_FILE, MIGRATIONS, PROVIDERS, rel } from "./layout";
import { schemaDrift, writeDerivedSchema } from "./schema";

const timestamp = (d: Date) => d.toISOString().replace(/\D/g, "").slice(0, 14);

/**
 * Writes the next migration for both providers into folders of the same name. For each provider
 * the existing migrations are applied to a scratch database, which is then diffed against the
 * current schema, so no shadow database needs configuring (the engine's own replay, a diff from
 * "migrations", sends whole scripts through executeRaw, which better-sqlite3 rejects). SQLite
 * replays into a temp file; PostgreSQL into a temporary database created and dropped on the server
 * of `postgresUrl`, else TEST_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
 * Returns the folders written; {} means the schema has no changes.
 */
export async function createMigration(
  name: string,
  opts: {
    postgresUrl?: string;
    log?: (line: string) => void;
    migrationsDirs?: Partial<Record<Provider, string>>;
  } = {},
): Promise<{ sqlite?: string; postgresql?: string }> {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!slug)
    throw new MigrationError("Name the migration, e.g. `npm run db:migration:new -- add_article_summary`.");
  writeDerivedSchema();
  const dirs = { ...MIGRATIONS, ...opts.migrationsDirs };
  const server = opts.postgresUrl ?? process.env.TEST_POSTGRES_URL ?? DEFAULT_PG_SERVER;
  const scripts: Partial<Record<Provider, string>> = {};
  for (const provider of PROVIDERS) {
    const scratch = await scratchDatabase(provider, server);
    try {
      await migrate(scratch.url, { migrationsDir: dirs[provider] });
      scripts[provider] = await schemaDrift(scratch.url);
    } finally {
      await scratch.drop();
    }
  }
  // Folder names sort in apply order, so a clock behind the newest migration must not go back.
  const newest = PROVIDERS.flatMap((p) => (existsSync(dirs[p]) ? readdirSync(dirs[p]) : [])).filter((n) =>
    /^\d{14}_/.test(n),
  );
  const last = newest.sort().at(-1)?.slice(0, 14) ?? "";
  const now = timestamp(new Date());
  const folder = `${now > last ? now : String(BigInt(last) + 1n)}_${slug}`;
  const written: { sqlite?: string; postgresql?: string } = {};
  for (const provider of PROVIDERS) {
    if (!scripts[provider]) continue;
    const dir = path.join(dirs[provider], folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), scripts[provider] + "\n");
    const lock = path.join(dirs[provider], "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, LOCK_FILE(provider));
    written[provider] = dir;
    opts.log?.(`Wrote ${rel(dir)}/migration.sql`);
  }
  if (!written.sqlite && !written.postgresql)
    opts.log?.("No changes: the schema matches the existing migrations.");
  return written;
}
