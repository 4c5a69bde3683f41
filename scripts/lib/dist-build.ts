// Production builds into a side directory (NEXT_DIST_DIR) for the browser suite and the benchmark,
// so they never clobber a developer's own .next. Skipped when the stamp in that directory matches
// the sources (the same fingerprint `npm start` uses).
//
// A running server keeps the pages it regenerates (ISR) on disk, in <distDir>/server/route-cache (Next
// 16.4; older versions wrote over the prerendered pages in server/app), so a build reused by a suite
// that edits content would start with the previous run's edits. `pristine` drops the route cache and
// puts back a copy of server/app as built before each reuse.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { buildFingerprint } from "./build-state";
import { ROOT, runBin } from "./run";

const STAMP = "newsroom-build-fingerprint";

function distBuildIsCurrent(distDir: string, fingerprint: string): boolean {
  const stamp = path.join(ROOT, distDir, STAMP);
  if (!existsSync(path.join(ROOT, distDir, "BUILD_ID")) || !existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === fingerprint;
}

const SIDE_TYPES = /^\.next-[^/]+\//;

/**
 * `next build` with a side directory appends `<distDir>/types/**` to tsconfig.json (reformatting it)
 * and points next-env.d.ts there. Both are shared: when build artefacts like these are the only
 * difference from the committed tsconfig.json, the committed text is put back, and next-env.d.ts
 * points at .next again. Any other edit (someone's real change) is left alone.
 */
export function restoreSharedFiles() {
  const tsconfigPath = path.join(ROOT, "tsconfig.json");
  try {
    const committed = execFileSync("git", ["show", "HEAD:tsconfig.json"], { cwd: ROOT, encoding: "utf8" });
    const now = readFileSync(tsconfigPath, "utf8");
    const parsed = JSON.parse(now) as { include?: string[] };
    parsed.include = parsed.include?.filter((p) => !SIDE_TYPES.test(p));
    if (now !== committed && isDeepStrictEqual(parsed, JSON.parse(committed)))
      writeFileSync(tsconfigPath, committed);
  } catch {
    // No git, or a file with comments: leave it rather than guess.
  }
  const envPath = path.join(ROOT, "next-env.d.ts");
  if (existsSync(envPath)) {
    const env = readFileSync(envPath, "utf8");
    const back = env.replace(/\.\/\.next-[^/]+\/types\//g, "./.next/types/");
    if (back !== env) writeFileSync(envPath, back);
  }
}

const PRISTINE = "pristine-server-app";

function restorePristine(distDir: string): boolean {
  const saved = path.join(ROOT, distDir, PRISTINE);
  if (!existsSync(saved)) return false;
  rmSync(path.join(ROOT, distDir, "server", "route-cache"), { recursive: true, force: true });
  const live = path.join(ROOT, distDir, "server", "app");
  rmSync(live, { recursive: true, force: true });
  cpSync(saved, live, { recursive: true });
  return true;
}

/** Builds into `distDir` unless it is current; resolves with the exit code (0 when skipped). */
export async function ensureDistBuild(
  distDir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void = console.log,
  { pristine = false }: { pristine?: boolean } = {},
): Promise<number> {
  const fingerprint = await buildFingerprint(env);
  if (distBuildIsCurrent(distDir, fingerprint) && (!pristine || restorePristine(distDir))) {
    log(`${distDir}: production build is current; skipping the build.`);
    return 0;
  }
  log(`${distDir}: building (first run, or the sources changed)…`);
  let code: number;
  try {
    code = await runBin("next", ["build"], { ...env, NEXT_DIST_DIR: distDir, NODE_ENV: "production" });
  } finally {
    restoreSharedFiles();
  }
  if (code !== 0) return code;
  if (pristine) {
    const saved = path.join(ROOT, distDir, PRISTINE);
    rmSync(saved, { recursive: true, force: true });
    cpSync(path.join(ROOT, distDir, "server", "app"), saved, { recursive: true });
  }
  writeFileSync(path.join(ROOT, distDir, STAMP), fingerprint + "\n");
  return code;
}
