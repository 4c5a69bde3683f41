// Several `next start` instances from ONE production build, on one PostgreSQL database and one
// throwaway redis-server (stopped and started by the tests). Ports: CLUSTER_PORT (default 3260) and
// up, CLUSTER_REDIS_PORT (6390); build: CLUSTER_DIST_DIR (.next-cluster); databases: CLUSTER_DB_PREFIX. The build is made against a seeded
// template database and reused while the sources are unchanged; every run clones the template, so the
// prerendered pages and the database agree.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { sourceFingerprint } from "@/scripts/lib/build-state";
import { restoreSharedFiles } from "@/scripts/lib/dist-build";
import { ROOT, runBin } from "@/scripts/lib/run";
import { portOpen, spawnRedisServer } from "../support/redis";

export const REVALIDATE_SECRET = "cluster-test-revalidate-secret-0123456789";
const BASE_PORT = Number(process.env.CLUSTER_PORT || 3260);
const DIST_DIR = process.env.CLUSTER_DIST_DIR || ".next-cluster";
const DB_PREFIX = process.env.CLUSTER_DB_PREFIX || "newsroom_cluster";
const REDIS_PORT = Number(process.env.CLUSTER_REDIS_PORT || 6390);
const TMP = path.join(ROOT, ".tmp", DIST_DIR.replace(/^\./, ""));

export const postgresUrl = process.env.TEST_POSTGRES_URL || null;
export const haveRedisServer = spawnSync("redis-server", ["--version"]).status === 0;
/** Why the cluster tests cannot run here, or null. */
export const skipReason = !postgresUrl
  ? "TEST_POSTGRES_URL is not set"
  : !process.env.TEST_REDIS_URL
    ? "TEST_REDIS_URL is not set (the cluster tests start their own redis-server, but only where Redis is expected)"
    : !haveRedisServer
      ? "redis-server is not installed"
      : null;

const dbUrl = (name: string) => {
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: postgresUrl! });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const tsx = (args: string[], env: NodeJS.ProcessEnv) => runBin("tsx", args, env);

function baseEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    SITE_URL: `http://127.0.0.1:${BASE_PORT}`,
    REVALIDATE_SECRET,
    AUTH_SECRET: "cluster-test-auth-secret-0123456789abcdef",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "bW9ja2tleW1vY2trZXltb2Nra2V5bW9ja2tleW1vY2s=",
    NEXT_DIST_DIR: DIST_DIR,
  };
}

/** The seeded template database and a build made against it; both reused while the sources match. */
export async function prepareBuild(log = console.log): Promise<string> {
  const template = `${DB_PREFIX}_template`;
  const stampFile = path.join(ROOT, DIST_DIR, "cluster-stamp");
  const stamp = createHash("sha256")
    .update(sourceFingerprint())
    .update(new Date().toISOString().slice(0, 10))
    .digest("hex");
  const exists = await admin(
    async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [template])).rowCount,
  );
  if (exists && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    log(`cluster: ${DIST_DIR} and ${template} are current`);
    return template;
  }
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  await admin((c) => c.query(`CREATE DATABASE "${template}"`));
  const env = baseEnv(dbUrl(template));
  for (const [label, args] of [
    ["migrate", ["prisma/cli.ts", "migrate"]],
    ["seed", ["prisma/seed.ts"]],
  ] as const)
    if ((await tsx([...args], env)) !== 0) throw new Error(`cluster: ${label} failed`);
  log(`cluster: building ${DIST_DIR} (minutes)…`);
  const code = await runBin("next", ["build"], env);
  restoreSharedFiles();
  if (code !== 0) throw new Error("cluster: next build failed");
  writeFileSync(stampFile, stamp);
  return template;
}

export type Instance = { name: string; url: string; port: number; proc: ChildProcess; log: string[] };

export type Cluster = {
  databaseUrl: string;
  redisUrl: string;
  instances: Instance[];
  /**
   * Starts instance `index` (again). `ownBuild`: on its own copy of the build, as on another machine:
   * on its disk only the pages prerendered by the build, none the others rendered since.
   */
  start(index: number, options?: { ownBuild?: boolean }): Promise<Instance>;
  kill(index: number, signal?: NodeJS.Signals): Promise<void>;
  stopRedis(): Promise<void>;
  /** SIGSTOP (true) or SIGCONT (false): a Redis that holds connections open and answers nothing. */
  pauseRedis(paused: boolean): void;
  startRedis(): Promise<void>;
  close(): Promise<void>;
};

async function until(what: string, ok: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`cluster: timed out waiting for ${what}`);
}

/** `count` instances (ports BASE_PORT, +1, …) on a clone of the template and a fresh redis-server. */
export async function startCluster(
  count: number,
  template: string,
  { redis: withRedis = true }: { redis?: boolean } = {},
): Promise<Cluster> {
  const name = `${DB_PREFIX}_${process.pid}`;
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
  // Each run starts from the build as built: no pages regenerated by an earlier run, no tag times.
  rmSync(path.join(ROOT, DIST_DIR, "server", "route-cache"), { recursive: true, force: true });
  rmSync(path.join(ROOT, DIST_DIR, "cache", "newsroom-tags.json"), { force: true });
  const databaseUrl = dbUrl(name);
  const redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
  mkdirSync(TMP, { recursive: true });
  let redis: ChildProcess | null = null;

  const startRedis = async () => {
    redis = await spawnRedisServer(REDIS_PORT);
  };
  const stopRedis = async () => {
    const r = redis;
    redis = null;
    if (!r || r.exitCode !== null) return;
    const exited = new Promise((resolve) => r.once("exit", resolve));
    r.kill("SIGKILL");
    await exited;
  };
  if (withRedis) await startRedis();

  const instances: Instance[] = [];
  const copies: string[] = [];
  const start = async (i: number, { ownBuild = false } = {}) => {
    const port = BASE_PORT + i;
    const log: string[] = [];
    let distDir = DIST_DIR;
    if (ownBuild) {
      distDir = `${DIST_DIR}-${"ABCDEFG"[i]}`;
      const from = path.join(ROOT, DIST_DIR);
      const to = path.join(ROOT, distDir);
      const skip = new Set([path.join(from, "cache"), path.join(from, "server", "route-cache")]);
      rmSync(to, { recursive: true, force: true });
      // Timestamps kept: a prerendered page is as old as the build, as on a machine it was shipped to.
      cpSync(from, to, { recursive: true, preserveTimestamps: true, filter: (src) => !skip.has(src) });
      copies.push(to);
    }
    const proc = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
      cwd: ROOT,
      env: {
        ...baseEnv(databaseUrl),
        NEXT_DIST_DIR: distDir,
        ...(withRedis ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: "cluster:" } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so a SIGKILL reaches whatever next start runs.
      detached: true,
    });
    proc.stdout!.on("data", (b: Buffer) => log.push(b.toString()));
    proc.stderr!.on("data", (b: Buffer) => log.push(b.toString()));
    const instance = { name: "ABCDEFG"[i], url: `http://127.0.0.1:${port}`, port, proc, log };
    instances[i] = instance;
    await until(`instance ${instance.name}`, async () => (await fetch(`${instance.url}/api/health`)).ok);
    return instance;
  };
  const kill = async (i: number, signal: NodeJS.Signals = "SIGTERM") => {
    const p = instances[i]?.proc;
    if (!p || p.exitCode !== null || p.signalCode) return;
    const exited = new Promise((resolve) => p.once("exit", resolve));
    process.kill(-p.pid!, signal);
    await exited;
    await until(`port ${BASE_PORT + i} to close`, async () => !(await portOpen(BASE_PORT + i)), 10_000);
  };
  await Promise.all(Array.from({ length: count }, (_, i) => start(i)));
  return {
    databaseUrl,
    redisUrl,
    instances,
    start,
    kill,
    stopRedis,
    startRedis,
    pauseRedis: (paused) => void redis?.kill(paused ? "SIGSTOP" : "SIGCONT"),
    async close() {
      await Promise.all(instances.map((_, i) => kill(i)));
      await stopRedis();
      for (const copy of copies) rmSync(copy, { recursive: true, force: true });
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** The importer, as a newsroom runs it, telling `siteUrl`. */
export async function importStory(cluster: Cluster, file: string, siteUrl: string): Promise<number> {
  return tsx(["scripts/import-articles.ts", file], {
    ...baseEnv(cluster.databaseUrl),
    SITE_URL: siteUrl,
  });
}
