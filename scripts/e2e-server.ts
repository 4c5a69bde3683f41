// The browser suite's web server (started by playwright.config.ts): a throwaway SQLite database with
// the demo content plus the plain-text fixture, a production build in .next-e2e, then `next start`.
// Runs on its own too: `npx tsx scripts/e2e-server.ts`.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureDistBuild } from "./lib/dist-build";
import { ROOT, runBin } from "./lib/run";

export const E2E_PORT = Number(process.env.E2E_PORT || 3204);
// Overridable so two checkouts' suites (or two people in one tree) can run side by side.
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR || ".next-e2e";
const DB_DIR = path.join(ROOT, ".tmp", process.env.E2E_DB_DIR || "e2e");
const DB_FILE = path.join(DB_DIR, "e2e.db");
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

async function main() {
  // The suite owns this database: start from nothing so every run sees the same stories.
  mkdirSync(DB_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${DB_FILE}`,
    SITE_URL: `http://127.0.0.1:${E2E_PORT}`,
    NODE_ENV: "production",
  };
  await step("migrate", ["prisma/cli.ts", "migrate"], env);
  await step("seed the demo stories", ["prisma/seed.ts"], env);
  await step(
    "import the plain-text fixture",
    ["scripts/import-articles.ts", "--section", "World", FIXTURE],
    env,
  );

  if ((await ensureDistBuild(E2E_DIST_DIR, env)) !== 0) fail("the build failed; see the output above.");

  console.log(`e2e server: next start on http://127.0.0.1:${E2E_PORT}`);
  const server = spawn(
    path.join(ROOT, "node_modules", ".bin", "next"),
    // No -H 127.0.0.1: bound to that address, proxy.ts's 404 rewrites arrive as 200 (see proxy.ts).
    ["start", "-p", String(E2E_PORT)],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { NEXT_TELEMETRY_DISABLED: "1", ...env, NEXT_DIST_DIR: E2E_DIST_DIR },
    },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: Error) => fail(error.message));
