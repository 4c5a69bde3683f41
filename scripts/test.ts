// `npm test`: the whole suite. Unit and SQLite integration tests always run; the PostgreSQL
// integration suite runs when TEST_POSTGRES_URL names a server (CI sets it).
import { loadEnvFiles, runBin } from "./lib/run";

async function main() {
  loadEnvFiles();
  const args = process.argv.slice(2);
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
  const code = await runBin("jest", ["--ci", ...args], env);
  if (!process.env.TEST_POSTGRES_URL)
    console.log("\n*** Reminder: the PostgreSQL suite was skipped (TEST_POSTGRES_URL unset).");
  process.exit(code);
}

main();
