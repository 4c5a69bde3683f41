// npm run lighthouse -- [--runs 3] [--path /articles/slug ...] [--base URL]
// Lighthouse (mobile preset, simulated throttling) on Debian's Chromium against the production build
// the browser suite uses (scripts/e2e-server.ts: seeded SQLite, .next-e2e, next start). Prints the
// four category scores and the metrics of the article and home pages, with the median run of each
// kept; the goal (100 in every category) is informational, never a failure. Writes .tmp/lighthouse.json.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium";
import type { RunnerResult } from "lighthouse";
import { runFailure, summarise, type PageScore, report } from "./lib/lighthouse-report";
import { ROOT } from "./lib/run";
import { freePort, waitForHealth } from "./lib/serve";

const REPORTS = path.join(ROOT, ".tmp", "lighthouse-reports");
const OUT = path.join(ROOT, ".tmp", "lighthouse.json");
const DEFAULT_PATHS = ["/articles/ferry-fares-frozen-as-ridership-climbs", "/"];
const USAGE = `Usage: npm run lighthouse -- [--runs 3] [--path P ...] [--base URL]

  --runs N     Lighthouse runs per page; the median run (by performance score) is kept (default 3)
  --path P     a page to measure (repeatable; default the demo article and the home page)
  --base URL   measure a site that is already running instead of starting the production build`;

/** A run that fails inside Lighthouse (runFailure) is run again, up to ATTEMPTS times in all. */
const ATTEMPTS = 3;
type Lighthouse = typeof import("lighthouse").default;

async function measuredRun(
  lighthouse: Lighthouse,
  url: string,
  port: number,
  label: string,
): Promise<RunnerResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port, output: "json", logLevel: "error" });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const failure = runFailure(result.lhr);
    if (!failure) return result;
    if (attempt === ATTEMPTS) throw new Error(`${label} failed ${ATTEMPTS} times in Lighthouse (${failure})`);
    console.log(`  ${label}: Lighthouse failed (${failure}); running it again`);
  }
}

async function startSite(): Promise<{ base: string; stop: () => void }> {
  const port = process.env.E2E_PORT
    ? Number(process.env.E2E_PORT)
    : await freePort(Array.from({ length: 10 }, (_, i) => 3240 + i));
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/e2e-server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      E2E_PORT: String(port),
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(33).toString("base64"),
    },
    // Build output on stderr, so a first run's few minutes are visible; the server's log stays quiet.
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (server.exitCode === null && server.pid) process.kill(-server.pid, "SIGTERM");
  };
  process.on("SIGINT", () => (stop(), process.exit(130)));
  await waitForHealthPatiently(base, server);
  return { base, stop };
}

/** The first run builds the site (minutes on two cores); waitForHealth allows 60 s, so wait it out. */
async function waitForHealthPatiently(base: string, server: ChildProcess) {
  console.log(`Starting the production build's server on ${base} (the first run builds it)…`);
  for (let i = 0; i < 20; i++) {
    try {
      return await waitForHealth(base, server);
    } catch (error) {
      if (server.exitCode !== null) throw error;
    }
  }
  throw new Error("the site did not become healthy within 20 minutes");
}

/** Chromium with a DevTools port of its own choosing (read back from its profile directory). */
async function startChromium(executable: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "newsroom-lighthouse-"));
  const args = [
    ...CHROMIUM_ARGS,
    "--headless=new",
    "--remote-debugging-port=0",
    `--user-data-dir=${profile}`,
  ];
  const chrome = spawn(executable, [...args, "about:blank"], { stdio: "ignore" });
  const stop = async () => {
    if (chrome.exitCode === null) {
      const exited = new Promise((resolve) => chrome.once("exit", resolve));
      chrome.kill("SIGTERM");
      await exited;
    }
    // Chromium's helper processes may still write to the profile for a moment after it exits.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
    } catch (error) {
      console.warn(`lighthouse: left ${profile} behind (${(error as Error).message})`);
    }
  };
  for (let i = 0; i < 100; i++) {
    try {
      const port = Number(readFileSync(path.join(profile, "DevToolsActivePort"), "utf8").split("\n")[0]);
      if (port > 0) return { port, stop };
    } catch {
      // Not written yet.
    }
    if (chrome.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`${executable} did not open a DevTools port`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      path: { type: "string", multiple: true },
      base: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) return (console.error(USAGE), 2);
  const executable = process.env.CHROME_PATH || chromiumPath();
  if (!executable) {
    console.error("lighthouse: no Chromium (install Debian's chromium or set CHROME_PATH).");
    return 2;
  }
  const paths = values.path?.length ? values.path : DEFAULT_PATHS;
  // Lighthouse is an ES module only.
  const { default: lighthouse } = await import("lighthouse");

  const site = values.base ? { base: values.base.replace(/\/$/, ""), stop: () => {} } : await startSite();
  const chrome = await startChromium(executable);
  try {
    const pages: PageScore[] = [];
    for (const pathname of paths) {
      const url = site.base + pathname;
      const scores: PageScore[] = [];
      for (let run = 1; run <= runs; run++) {
        const result = await measuredRun(lighthouse, url, chrome.port, `${pathname} run ${run}`);
        const score = summarise(pathname, result.lhr);
        mkdirSync(REPORTS, { recursive: true });
        const name = `${pathname
          .replace(/^\/$/, "home")
          .replace(/^\//, "")
          .replace(/[^a-z0-9-]+/gi, "_")}-run${run}.json`;
        writeFileSync(path.join(REPORTS, name), result.report as string);
        console.log(
          `  ${pathname} run ${run}: ${Object.values(score.categories)
            .map((v) => v ?? "-")
            .join(" / ")}`,
        );
        scores.push(score);
      }
      scores.sort((a, b) => (a.categories.performance ?? 0) - (b.categories.performance ?? 0));
      pages.push(scores[Math.floor((scores.length - 1) / 2)]);
    }
    console.log(`\n${report(pages)}`);
    mkdirSync(path.dirname(OUT), { recursive: true });
    writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), runs, pages }, null, 2) + "\n");
    console.log(
      `\nWrote ${path.relative(ROOT, OUT)}. The goal is informational; the command succeeds either way.`,
    );
    return 0;
  } finally {
    await chrome.stop();
    site.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
