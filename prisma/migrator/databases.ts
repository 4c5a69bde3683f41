// Creating, checking and dropping the databases migrations run against.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Provider } from "../../lib/prisma";
import { clean, lib, MigrationError, redact } from "../engine";

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = "/" + encodeURIComponent(database);
  return u.toString();
}

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Whether the database exists: connecting to it directly needs no rights on the server's `postgres`. */
export async function pgDatabaseExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "3D000") return false;
    throw new MigrationError(`Cannot connect to ${redact(url)}: ${clean(e)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function ensureDatabase(url: string, provider: Provider): Promise<void> {
  const { sqlitePath } = await lib();
  if (provider === "sqlite") return void mkdirSync(path.dirname(sqlitePath(url)), { recursive: true });
  if (await pgDatabaseExists(url)) return;
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onServer(url, (c) => c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`));
}

/** Drops the PostgreSQL database `url` names, if it exists (the browser suite's PostgreSQL run). */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`));
}

/** A throwaway database on the server of `serverUrl`; drop() removes it. */
export async function temporaryPgDatabase(serverUrl: string) {
  const name = `prisma_tmp_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const drop = () =>
    onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {});
  return { url: withDatabase(serverUrl, name), drop };
}

/** An empty database to replay migrations into: a temp file, or a temporary PostgreSQL database. */
export async function scratchDatabase(provider: Provider, server: string) {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "migrator-"));
    return {
      url: `file:${path.join(dir, "replay.db")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  return temporaryPgDatabase(server).catch((e: unknown) => {
    const hint = "Pass --postgres-url (or set TEST_POSTGRES_URL) to name a server where it may create one.";
    throw new MigrationError(
      `The PostgreSQL migration needs a scratch database on ${redact(server)}: ${clean(e)}. ${hint}`,
    );
  });
}
