// Gives every integration test file a fresh, migrated database before any of its modules load.
import { copyFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pgUrl } from "./test-dbs";

export function prepareDatabase(provider: "sqlite" | "postgres") {
  const worker = process.env.JEST_WORKER_ID ?? "0";
  const unique = `${worker}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  if (provider === "postgres") {
    const run = process.env.TEST_PG_RUN!;
    const target = `${run}_w${worker}`;
    const result = spawnSync(
      process.execPath,
      [path.join(__dirname, "pg-clone.js"), process.env.TEST_POSTGRES_URL!, `${run}_base`, target],
      { encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`Could not create test database ${target}: ${result.stderr}`);
    process.env.DATABASE_URL = pgUrl(target);
  } else {
    const dir = process.env.TEST_SQLITE_DIR!;
    const file = path.join(dir, `file-${unique}.db`);
    copyFileSync(path.join(dir, "base.db"), file);
    process.env.DATABASE_URL = `file:${file}`;
  }
}
