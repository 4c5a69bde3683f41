// Applying migrations, and the history checks and status that decide what to apply.
import { existsSync } from "node:fs";
import path from "node:path";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { clean, factoryFor, lib, MigrationError, withEngine } from "../engine";
import { ensureDatabase, pgDatabaseExists } from "./databases";
import { NO_FILTER, type Options, readMigrations, rel } from "./layout";
import { schemaText } from "./schema";
import type { Provider } from "../../lib/prisma";

export type Status = {
  provider: Provider;
  applied: string[];
  pending: string[];
  failed: string[];
  edited: string[];
};

const RESOLVE = (name: string) => `npx tsx prisma/cli.ts resolve ${name}`;

// On a database without _prisma_migrations the wasm engine fails (P1014) instead of reporting it.
async function diagnose(engine: SchemaEngine, list: MigrationList) {
  return engine
    .diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters: NO_FILTER })
    .catch((e: { code?: string }) => {
      if (e?.code !== "P1014") throw new MigrationError(clean(e));
      return { editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: false, history: null };
    });
}

async function checkHistory(engine: SchemaEngine, list: MigrationList) {
  const d = await diagnose(engine, list);
  const [failed] = d.failedMigrationNames;
  if (failed) {
    throw new MigrationError(
      `Migration ${failed} failed earlier, so no further migrations are applied. Undo whatever part of it ran (or, in development, run \`npm run db:reset\`), fix ${rel(path.join(list.baseDir, failed, "migration.sql"))} if needed, then run \`${RESOLVE(failed)}\` and migrate again.`,
    );
  }
  if (d.editedMigrationNames.length) {
    throw new MigrationError(
      `Migration ${d.editedMigrationNames.join(", ")} was edited after it was applied to this database. Restore the original migration.sql (applied migrations must not change; write a new migration instead), or in development run \`npm run db:reset\`.`,
    );
  }
}

async function applyAll(engine: SchemaEngine, list: MigrationList, log?: (line: string) => void) {
  const out = await engine
    .applyMigrations({ migrationsList: list, filters: NO_FILTER })
    .catch(async (e: unknown) => {
      // The wasm engine's error carries only the database's complaint; the history names the culprit.
      const name = (await diagnose(engine, list).catch(() => null))?.failedMigrationNames[0] ?? "(unknown)";
      throw new MigrationError(
        `Migration ${name} failed: ${clean(e).replace(/\.$/, "")}. The database may be partly changed. Undo whatever part of it ran (or, in development, run \`npm run db:reset\`), fix ${rel(path.join(list.baseDir, name, "migration.sql"))}, then run \`${RESOLVE(name)}\` and migrate again.`,
      );
    });
  for (const name of out.appliedMigrationNames) log?.(`Applied ${name}`);
  return { applied: out.appliedMigrationNames };
}

/** Applies pending migrations; creates the SQLite file or PostgreSQL database if missing. */
export async function migrate(url: string, opts: Options = {}): Promise<{ applied: string[] }> {
  const provider = (await lib()).providerOf(url);
  const list = readMigrations(provider, opts.migrationsDir);
  await ensureDatabase(url, provider);
  return withEngine(url, schemaText, async ({ engine }) => {
    await checkHistory(engine, list);
    return applyAll(engine, list, opts.log);
  });
}

export async function status(url: string, opts: Options = {}): Promise<Status> {
  const { providerOf, sqlitePath } = await lib();
  const provider = providerOf(url);
  const list = readMigrations(provider, opts.migrationsDir);
  const local = list.migrationDirectories.map((m) => m.path);
  const exists = provider === "sqlite" ? existsSync(sqlitePath(url)) : await pgDatabaseExists(url);
  if (!exists) return { provider, applied: [], pending: local, failed: [], edited: [] };
  return withEngine(url, schemaText, async ({ engine, query }) => {
    const d = await diagnose(engine, list);
    const rows = d.hasMigrationsTable
      ? (
          await query(
            `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
          )
        ).rows
      : [];
    const applied = rows.map((r) => String(r[0]));
    const done = new Set([...applied, ...d.failedMigrationNames]);
    return {
      provider,
      applied,
      pending: local.filter((n) => !done.has(n)),
      failed: d.failedMigrationNames,
      edited: d.editedMigrationNames,
    };
  });
}

/** Marks a failed migration rolled back, so the next migrate runs it again (`migrate resolve --rolled-back`). */
export async function resolveRolledBack(url: string, migrationName: string): Promise<void> {
  await withEngine(url, schemaText, async ({ engine }) => {
    await engine
      .markMigrationRolledBack({ migrationName })
      .catch((e: unknown) => Promise.reject(new MigrationError(clean(e))));
  });
}

/** Drops every table (and type) and applies all migrations again. Refused in production. */
export async function reset(url: string, opts: Options = {}): Promise<{ applied: string[] }> {
  if (process.env.NODE_ENV === "production")
    throw new MigrationError("Refusing to reset a database while NODE_ENV=production.");
  const provider = (await lib()).providerOf(url);
  const list = readMigrations(provider, opts.migrationsDir);
  await ensureDatabase(url, provider);
  // engine.reset fails on SQLite in this wasm build; this does what the native engine does. It runs
  // before the engine connects, as a second SQLite connection writing meanwhile gets SQLITE_BUSY.
  const adapter = await (await factoryFor(url)).connect();
  try {
    if (provider === "postgresql") {
      const schema = new URL(url).searchParams.get("schema") ?? "public";
      await adapter.executeScript(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}";`);
    } else {
      const sql = `SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'`;
      const { rows } = await adapter.queryRaw({ sql, args: [], argTypes: [] });
      const drops = rows.map(([type, name]) => `DROP ${String(type).toUpperCase()} IF EXISTS "${name}";`);
      await adapter.executeScript(
        ["PRAGMA foreign_keys = OFF;", ...drops, "PRAGMA foreign_keys = ON;"].join("\n"),
      );
    }
  } finally {
    await adapter.dispose();
  }
  return withEngine(url, schemaText, ({ engine }) => applyAll(engine, list, opts.log));
}
