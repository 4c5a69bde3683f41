// Decides whether the production build in .next/ matches the sources, so a second `npm start`
// skips the build. The fingerprint is a hash of every file the build reads, plus (buildFingerprint)
// what the prerendered pages were made from: the database, its content and the site's address.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../lib/prisma";

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

function walk(dir: string, out: string[], skip: Set<string>) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out, skip);
    else if (entry.isFile()) out.push(full);
  }
}

/** A hash of the files under these repository paths (files or directories), names included. */
export function hashFiles(paths: string[], skip: Set<string> = SKIP) {
  const files: string[] = [];
  for (const p of paths) {
    const full = path.join(ROOT, p);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) walk(full, files, skip);
    else files.push(full);
  }
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash;
}

export function sourceFingerprint(): string {
  const hash = hashFiles([...INPUT_DIRS, ...INPUT_FILES]);
  // Public variables are inlined into the client bundle at build time.
  for (const [k, v] of Object.entries(process.env).sort())
    if (k.startsWith("NEXT_PUBLIC_")) hash.update(`${k}=${v}`);
  return hash.digest("hex");
}

/**
 * Pages are prerendered from the database at build time (cacheComponents), and imports made while
 * no server ran invalidated nothing: a different database or changed content means a new build.
 */
async function contentStamp(databaseUrl: string): Promise<string> {
  const db = createPrismaClient(databaseUrl);
  try {
    const [articles, sections] = await Promise.all([
      db.article.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
      db.section.count(),
    ]);
    return `${articles._count._all}/${articles._max.updatedAt?.toISOString() ?? "-"}/${sections}`;
  } finally {
    await db.$disconnect();
  }
}

/** The sources plus the database, its content and the inlined site settings. */
export async function buildFingerprint(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const url = env.DATABASE_URL ?? "";
  const hash = createHash("sha256").update(sourceFingerprint());
  for (const k of ["DATABASE_URL", "SITE_URL", "SITE_NAME", "SITE_TIMEZONE", "NEXT_DEPLOYMENT_ID"])
    hash.update(`${k}=${env[k] ?? ""}\n`);
  // Baked into the build (action ids, encryption), never printed: only its hash enters the stamp.
  hash.update(createHash("sha256").update(env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "").digest("hex"));
  hash.update(url ? await contentStamp(url) : "no database");
  return hash.digest("hex");
}

export async function buildIsCurrent(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")) || !existsSync(STAMP)) return false;
  return readFileSync(STAMP, "utf8").trim() === (await buildFingerprint(env));
}

export function recordBuild(fingerprint: string) {
  if (statSync(path.join(ROOT, ".next")).isDirectory()) writeFileSync(STAMP, fingerprint + "\n");
}
