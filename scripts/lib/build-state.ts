// Decides whether the production build in .next/ matches the sources, so a second `npm start`
// skips the build. The fingerprint is a hash of every file the build reads.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const INPUT_DIRS = ["app", "components", "lib", "public", "prisma"];
const INPUT_FILES = [
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];
const SKIP = new Set(["node_modules", ".next", "migrations", "generated"]);
const STAMP = path.join(ROOT, ".next", "newsroom-build-fingerprint");

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const d of INPUT_DIRS) if (existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d), files);
  for (const f of INPUT_FILES) if (existsSync(path.join(ROOT, f))) files.push(path.join(ROOT, f));
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  // Public variables are inlined into the client bundle at build time.
  for (const [k, v] of Object.entries(process.env).sort())
    if (k.startsWith("NEXT_PUBLIC_")) hash.update(`${k}=${v}`);
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")) || !existsSync(STAMP)) return false;
  return readFileSync(STAMP, "utf8").trim() === sourceFingerprint();
}

export function recordBuild(fingerprint: string) {
  if (statSync(path.join(ROOT, ".next")).isDirectory()) writeFileSync(STAMP, fingerprint + "\n");
}
