// `npm test`: the whole suite. Unit and SQLite integration tests always run; the PostgreSQL
// integration suite runs when TEST_POSTGRES_URL names a server (CI sets it); the browser suite runs
// when Chromium is installed (and must, under CI). Ends with one `N passed, N failed` line.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromiumPath, DEFAULT_CHROMIUM } from "./lib/chromium";
import { loadEnvFiles, ROOT, runBin } from "./lib/run";

type Counts = { passed: number; failed: number; skipped: number };

const RESULTS_DIR = path.join(ROOT, ".tmp");
const JEST_JSON = path.join(RESULTS_DIR, "jest-results.json");
const E2E_JSON = path.join(RESULTS_DIR, "e2e", "report.json");

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** A suite that crashed before reporting still counts as one failure, so the total cannot lie. */
function atLeastOneFailure(counts: Counts | null, code: number): Counts {
  const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
  return code !== 0 && c.failed === 0 ? { ...c, failed: 1 } : c;
}

async function runJest(args: string[]): Promise<{ code: number; counts: Counts }> {
  if (!process.env.TEST_POSTGRES_URL) {
    console.log(
      "\n*** PostgreSQL integration suite SKIPPED: TEST_POSTGRES_URL is not set.\n" +
        "*** To run it: TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres npm test\n",
    );
  }
  // Each test file gets its own database, so a developer's DATABASE_URL must not leak in.
  const { DATABASE_URL: _unused, ...rest } = process.env;
  void _unused;
  const env: NodeJS.ProcessEnv = { ...rest, NODE_ENV: "test" };
  rmSync(JEST_JSON, { force: true });
  const code = await runBin("jest", ["--ci", "--json", `--outputFile=${JEST_JSON}`, ...args], env);
  const json = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numRuntimeErrorTestSuites: number;
  }>(JEST_JSON);
  const counts = json && {
    passed: json.numPassedTests,
    failed: json.numFailedTests + json.numRuntimeErrorTestSuites,
    skipped: json.numPendingTests + json.numTodoTests,
  };
  return { code, counts: atLeastOneFailure(counts, code) };
}

async function runBrowserSuite(): Promise<{ code: number; counts: Counts | null }> {
  if (!chromiumPath()) {
    const where = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
    console.log(`\n*** Browser suite SKIPPED: Chromium not found at ${where} (apt-get install -y chromium)`);
    if (process.env.CI) {
      console.error("*** CI is set, so a missing browser is a failure.");
      return { code: 1, counts: { passed: 0, failed: 1, skipped: 0 } };
    }
    return { code: 0, counts: null };
  }
  mkdirSync(path.dirname(E2E_JSON), { recursive: true });
  rmSync(E2E_JSON, { force: true });
  console.log("\n*** Browser suite (Playwright, Chromium against next start)\n");
  const code = await runBin("playwright", ["test"], { ...process.env, E2E_JSON_REPORT: E2E_JSON });
  const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
    E2E_JSON,
  );
  const counts = json && {
    passed: json.stats.expected + json.stats.flaky,
    failed: json.stats.unexpected,
    skipped: json.stats.skipped,
  };
  return { code, counts: atLeastOneFailure(counts, code) };
}

const line = (c: Counts) =>
  `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`;

async function main() {
  loadEnvFiles();
  const args = process.argv.slice(2);
  const jest = await runJest(args);
  if (!process.env.TEST_POSTGRES_URL)
    console.log("\n*** Reminder: the PostgreSQL suite was skipped (TEST_POSTGRES_URL unset).");
  if (!process.env.TEST_REDIS_URL)
    console.log("*** Redis-store tests: skipped: no Redis (set TEST_REDIS_URL=redis://127.0.0.1:6379 to run them).");
  if (!process.env.TEST_POSTGRES_URL || !process.env.TEST_REDIS_URL)
    console.log("*** Cluster tests (__tests__/cluster): skipped: they need TEST_POSTGRES_URL and TEST_REDIS_URL.");

  let browser: { code: number; counts: Counts | null } = { code: 0, counts: null };
  // Arguments narrow jest to some files; the browser suite then stays out of the way.
  if (args.length)
    console.log("\n*** Browser suite not run: arguments went to jest (npm run test:e2e runs it).");
  else browser = await runBrowserSuite();

  console.log(`\njest: ${line(jest.counts)}${process.env.TEST_REDIS_URL ? "" : " (Redis-store tests skipped: no Redis)"}`);
  console.log(browser.counts ? `playwright: ${line(browser.counts)}` : "playwright: not run");
  const total = {
    passed: jest.counts.passed + (browser.counts?.passed ?? 0),
    failed: jest.counts.failed + (browser.counts?.failed ?? 0),
  };
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(jest.code !== 0 || browser.code !== 0 ? 1 : 0);
}

main();
