// The framework's own first-load JavaScript: a blank app/ page built with the same Next and React
// (and the same client-side features of next.config.ts: cacheComponents, partial prefetching), so a
// story page's first load reads against what any page of this Next costs. Built once in .tmp/ with
// the project's node_modules and kept per Next/React version (a build takes a minute or two).
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { firstLoadJs } from "./first-load-js";
import { ROOT, runBin } from "./run";

const version = (pkg: string) =>
  (
    JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "first-load-floor", private: true }),
  "next.config.mjs": `export default { cacheComponents: true, partialPrefetching: true, turbopack: { root: ${JSON.stringify(ROOT)} } };\n`,
  "app/layout.jsx": `export default function Layout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  "app/page.jsx": `export default function Page() {\n  return <p>Blank</p>;\n}\n`,
};

/** The blank page's first-load JS (gzip bytes) for this Next and React; builds it the first time. */
export async function firstLoadFloor(log: (line: string) => void = console.log): Promise<number> {
  const key = `next-${version("next")}-react-${version("react")}-react-dom-${version("react-dom")}`;
  const dir = path.join(ROOT, ".tmp", "first-load-floor", key);
  const result = path.join(dir, "floor.json");
  if (existsSync(result))
    return (JSON.parse(readFileSync(result, "utf8")) as { gzipBytes: number }).gzipBytes;

  log(`Building a blank app/ page with ${key} for the first-load floor (once)…`);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  delete env.NEXT_DIST_DIR;
  const code = await runBin("next", ["build", dir], env);
  if (code !== 0) throw new Error(`the blank app's build failed (exit ${code})`);
  const { gzipBytes } = firstLoadJs(path.join(dir, ".next"), "/");
  writeFileSync(result, JSON.stringify({ key, gzipBytes }) + "\n");
  return gzipBytes;
}

/** The goal of the issue "Many instances, one site": a story page within 15 kB of the floor. */
export const FLOOR_ALLOWANCE = 15_000;
