// The browser suite's web server (started by playwright.config.ts): a throwaway SQLite database with
// the demo content plus the plain-text fixture, a production build in .next-e2e, then `next start`.
// Runs on its own too: `npx tsx scripts/e2e-server.ts`.
//
// A re-run without source changes reuses the build: the seeded database is kept as a snapshot keyed
// by everything that shapes it (and the day, since the seed dates stories relative to today), so its
// bytes, and with them the build fingerprint's content stamp, are the same as when it was built; the
// build's prerendered pages are put back as built (ensureDistBuild's `pristine`).
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { hashFiles, sourceFingerprint } from "./lib/build-state";
import { ensureDistBuild } from "./lib/dist-build";
import { ROOT, runBin } from "./lib/run";

export const E2E_PORT = Number(process.env.E2E_PORT || 3204);
// Overridable so two checkouts' suites (or two people in one tree) can run side by side.
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR || ".next-e2e";
const DB_DIR = path.join(ROOT, ".tmp", process.env.E2E_DB_DIR || "e2e");
const DB_FILE = path.join(DB_DIR, "e2e.db");
/** next start's output, also kept here so a spec can check the server logged no error (route-sweep). */
const LOG_FILE = path.join(DB_DIR, "server.log");
export const FIXTURE = "__tests__/fixtures/plain-text-story.txt";

function fail(message: string): never {
  console.error(`e2e server: ${message}`);
  process.exit(1);
}

async function step(label: string, args: string[], env: NodeJS.ProcessEnv) {
  console.log(`e2e server: ${label}`);
  const code = await runBin("tsx", args, env);
  if (code !== 0) fail(`${label} failed (exit ${code}); see the output above.`);
}

/** What the seeded database is made from: the code, the migrations, the demo content and the fixture. */
function seedKey(): string {
  const hash = hashFiles(
    ["prisma", "content", "scripts/import-articles.ts", FIXTURE],
    new Set(["node_modules", "generated"]),
  );
  hash.update(sourceFingerprint());
  hash.update(new Date().toISOString().slice(0, 10));
  return hash.digest("hex").slice(0, 16);
}

const removeDb = (file: string) => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
};

/** The suite's content: the demo stories and the plain-text fixture (no site is running yet). */
async function migrateAndSeed(env: NodeJS.ProcessEnv) {
  await step("migrate", ["prisma/cli.ts", "migrate"], env);
  await step("seed the demo stories", ["prisma/seed.ts"], env);
  await step(
    "import the plain-text fixture",
    ["scripts/import-articles.ts", "--no-site", "--section", "World", FIXTURE],
    env,
  );
}

async function seedDatabase(env: NodeJS.ProcessEnv) {
  const snapshot = path.join(DB_DIR, `seeded-${seedKey()}.db`);
  if (existsSync(snapshot)) {
    console.log("e2e server: the seeded database is current; copying it");
    copyFileSync(snapshot, DB_FILE);
    return;
  }
  await migrateAndSeed(env);
  // Fold the write-ahead log into the file, so the file alone is the snapshot.
  const db = new Database(DB_FILE);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  for (const old of readdirSync(DB_DIR).filter((f) => f.startsWith("seeded-")))
    rmSync(path.join(DB_DIR, old), { force: true });
  copyFileSync(DB_FILE, snapshot);
}

/** E2E_DATABASE_URL (PostgreSQL): a fresh database of that name, seeded the same way. */
async function seedPostgres(env: NodeJS.ProcessEnv) {
  const { dropDatabase } = await import("../prisma/migrator");
  await dropDatabase(env.DATABASE_URL!);
  await migrateAndSeed(env);
}

async function main() {
  // The suite owns this database: start from the seeded state so every run sees the same stories.
  mkdirSync(DB_DIR, { recursive: true });
  const postgres = process.env.E2E_DATABASE_URL;
  if (!postgres) removeDb(DB_FILE);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: postgres || `file:${DB_FILE}`,
    SITE_URL: `http://127.0.0.1:${E2E_PORT}`,
    NODE_ENV: "production",
  };
  if (postgres) await seedPostgres(env);
  else await seedDatabase(env);

  if ((await ensureDistBuild(E2E_DIST_DIR, env, console.log, { pristine: true })) !== 0)
    fail("the build failed; see the output above.");

  console.log(`e2e server: next start on http://127.0.0.1:${E2E_PORT}`);
  const server = spawn(
    path.join(ROOT, "node_modules", ".bin", "next"),
    // No -H 127.0.0.1: bound to that address, proxy.ts's 404 rewrites arrive as 200 (see proxy.ts).
    ["start", "-p", String(E2E_PORT)],
    {
      cwd: ROOT,
      stdio: ["inherit", "pipe", "pipe"],
      env: { NEXT_TELEMETRY_DISABLED: "1", ...env, NEXT_DIST_DIR: E2E_DIST_DIR },
    },
  );
  const log = createWriteStream(LOG_FILE);
  server.stdout.on("data", (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
  server.stderr.on("data", (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: Error) => fail(error.message));
