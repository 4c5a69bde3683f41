// The browser suite (README "Tests"): Debian's Chromium against `next start` on a throwaway SQLite
// database. `npm test` runs it after jest; `npm run test:e2e` runs it alone.
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM, chromiumPath } from "./scripts/lib/chromium";
import { E2E_REVALIDATE_SECRET } from "./__tests__/e2e/support/stories";
import { E2E_AUTH, E2E_AUTH_SITE_ENV } from "./__tests__/e2e/support/auth-config";

const port = Number(process.env.E2E_PORT || 3204);
const baseURL = `http://127.0.0.1:${port}`;
// scripts/test.ts asks for a JSON report beside the list so it can total the counts.
const jsonReport = process.env.E2E_JSON_REPORT;

export default defineConfig({
  testDir: "./__tests__/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: ".tmp/e2e/results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: jsonReport ? [["list"], ["json", { outputFile: jsonReport }]] : [["list"]],
  use: {
    baseURL,
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath() ?? DEFAULT_CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // Mail catcher and OpenID Connect provider for the sign-in specs (loopback only).
      command: "npx tsx scripts/e2e-auth-servers.ts",
      url: `${E2E_AUTH.mailApiUrl}/health`,
      env: {
        E2E_PORT: String(port),
        E2E_SMTP_PORT: String(E2E_AUTH.smtpPort),
        E2E_OIDC_PORT: String(E2E_AUTH.oidcPort),
        E2E_MAIL_PORT: String(E2E_AUTH.mailApiPort),
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `${baseURL}/api/health`,
      env: {
        E2E_PORT: String(port),
        REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
        ...E2E_AUTH_SITE_ENV,
        // A PostgreSQL run of the suite (CI runs the route sweep this way); SQLite otherwise.
        ...(process.env.E2E_DATABASE_URL ? { E2E_DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      },
      // A port already in use means someone else's server: fail rather than test the wrong build.
      reuseExistingServer: false,
      // The first run builds the site, which takes a few minutes on a busy two-core machine.
      timeout: 15 * 60_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
