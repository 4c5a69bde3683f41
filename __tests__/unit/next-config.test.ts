// next.config.ts: one deploymentId per build that `next start` serves again, whatever its environment,
// and Next's gzip off only when asked (behind the nginx front).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import type { NextConfig } from "next";

type ConfigFn = (phase: string) => NextConfig;

const saved = { ...process.env };
let dir: string;

/** next.config.ts as loaded fresh with this environment (it reads NEXT_DIST_DIR when loaded). */
function load(env: Record<string, string | undefined>): ConfigFn {
  process.env = { ...saved, ...env };
  let config: ConfigFn | undefined;
  jest.isolateModules(() => {
    config = (jest.requireActual("../../next.config") as { default: ConfigFn }).default;
  });
  return config!;
}

beforeEach(() => {
  mkdirSync(path.join(process.cwd(), ".tmp"), { recursive: true });
  dir = mkdtempSync(path.join(process.cwd(), ".tmp", "next-config-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  process.env = saved;
});

const distDir = () => path.relative(process.cwd(), dir);

test("a build makes an id Next accepts, and next start serves the one the build was made with", () => {
  const built = load({ NEXT_DIST_DIR: distDir(), NEXT_DEPLOYMENT_ID: undefined })(
    PHASE_PRODUCTION_BUILD,
  ).deploymentId;
  expect(built).toMatch(/^[a-zA-Z0-9_-]+$/);
  writeFileSync(
    path.join(dir, "required-server-files.json"),
    JSON.stringify({ config: { deploymentId: built } }),
  );
  const served = load({ NEXT_DIST_DIR: distDir(), NEXT_DEPLOYMENT_ID: undefined })(PHASE_PRODUCTION_SERVER);
  expect(served.deploymentId).toBe(built);
});

test("NEXT_DEPLOYMENT_ID names the deployment; dev has none; a start without a build has none", () => {
  expect(load({ NEXT_DEPLOYMENT_ID: "release-42" })(PHASE_PRODUCTION_BUILD).deploymentId).toBe("release-42");
  expect(load({ NEXT_DEPLOYMENT_ID: undefined })(PHASE_DEVELOPMENT_SERVER).deploymentId).toBeUndefined();
  const empty = load({ NEXT_DIST_DIR: distDir(), NEXT_DEPLOYMENT_ID: undefined });
  expect(empty(PHASE_PRODUCTION_SERVER).deploymentId).toBeUndefined();
});

test("Next compresses unless NEXT_COMPRESS=0", () => {
  expect(load({ NEXT_COMPRESS: undefined })(PHASE_PRODUCTION_SERVER).compress).toBe(true);
  expect(load({ NEXT_COMPRESS: "0" })(PHASE_PRODUCTION_SERVER).compress).toBe(false);
});

test("per-request pages are rendered once, without the runtime prefetch cachedNavigations embeds in them", () => {
  // Next turns cachedNavigations on with cacheComponents; it re-rendered every per-request page's
  // layout and metadata into its RSC payload, a third of a comments page's server CPU.
  const config = load({})(PHASE_PRODUCTION_SERVER);
  expect(config.cacheComponents).toBe(true);
  expect(config.experimental?.cachedNavigations).toBe(false);
});
