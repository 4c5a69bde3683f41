import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "../../prisma/migrator";
import { TMP_ROOT } from "./test-dbs";

/** Migrates one base SQLite file; each test file then gets its own copy (per-file-db.ts). */
export default async function globalSetup() {
  const dir = path.join(TMP_ROOT, `sqlite-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, "base.db");
  await migrate(`file:${base}`);
  // Fold the WAL into the main file so a plain copy carries the whole schema (the copy stays in
  // WAL mode, as the app's database file is).
  const conn = new Database(base);
  conn.pragma("wal_checkpoint(TRUNCATE)");
  conn.close();
  process.env.TEST_SQLITE_DIR = dir;
}
