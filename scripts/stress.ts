// npm run stress -- [--writers 50] [--comments 100] [--db sqlite|postgres|both] [--no-kill] [--soak SECONDS]
//
// Durability under load, through the real HTTP server-action path: signed-in writers (real database
// sessions) post comments with the comment form's idempotency keys; midway the server is killed with
// SIGKILL and started again, and the writers retry what was not acknowledged, as a browser would.
// Afterwards every acknowledged comment must be in the database, exactly once. Prints
// acknowledged / stored / lost / duplicates per database and exits 1 when anything was lost.
//
// --soak S: mixed reads and writes for S seconds on SQLite; prints the server's RSS every minute and
// fails when, after a 2-minute warm-up, it grows by more than 1 MB a minute.
//
// The comment limits (5 a minute, 50 a day) would refuse most of this: they are raised the way an
// operator would, through COMMENT_LIMIT_PER_MINUTE / COMMENT_LIMIT_PER_DAY in the server's environment.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { buildSession, buildUser } from "../lib/comments/builders";
import { createPrismaClient } from "../lib/prisma";
import { migrate, temporaryPgDatabase } from "../prisma/migrator";
import { seed } from "../prisma/seed";
import { paths } from "../lib/paths";
import { postCommentAction, serverActionId, type PostOutcome } from "./lib/bench-comments";
import { ensureDistBuild } from "./lib/dist-build";
import { loadEnvFiles, ROOT } from "./lib/run";
import { freePort, waitForHealth } from "./lib/serve";
import { serverMemoryEnv } from "./lib/server-memory";

const DIST_DIR = ".next-stress";
const USAGE = `Usage: npm run stress -- [--writers 50] [--comments 100] [--db sqlite|postgres|both] [--no-kill] [--soak SECONDS]

  --writers N     signed-in writers posting at once (default 50)
  --comments N    comments each writer posts (default 100)
  --db WHICH      sqlite, postgres or both (default both; postgres needs TEST_POSTGRES_URL or DATABASE_URL)
  --no-kill       do not SIGKILL the server midway
  --soak S        instead: mixed reads and writes for S seconds on SQLite, RSS every minute`;

type Server = { process: ChildProcess; base: string };

function startServer(env: NodeJS.ProcessEnv, port: number): Server {
  const child = spawn(
    path.join(ROOT, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      // The memory settings npm start gives the server: the soak measures what production runs.
      env: serverMemoryEnv({ ...env, NEXT_DIST_DIR: DIST_DIR }),
      stdio: ["ignore", "ignore", "inherit"],
      // Its own process group: SIGKILL reaches every worker next start runs.
      detached: true,
    },
  );
  return { process: child, base: `http://127.0.0.1:${port}` };
}

function kill(server: Server, signal: NodeJS.Signals) {
  if (server.process.exitCode === null && server.process.pid) {
    try {
      process.kill(-server.process.pid, signal);
    } catch {
      // Already gone.
    }
  }
  return new Promise<void>((resolve) =>
    server.process.exitCode !== null || server.process.signalCode !== null
      ? resolve()
      : server.process.once("exit", () => resolve()),
  );
}

/** Resident memory of the server's process group, in MB (next start and the workers it forks). */
function rssMb(pid: number): number {
  let kb = 0;
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8")
        .trim()
        .split(/\s+/))
        if (task) pids.push(Number(task));
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pids[i]}/status`, "utf8"));
      kb += m ? Number(m[1]) : 0;
    } catch {
      // The process ended between the reads.
    }
  }
  return Math.round(kb / 102.4) / 10;
}

type Writer = { token: string; userId: string };

async function prepare(
  url: string,
  writers: number,
): Promise<{ articleId: string; slug: string; people: Writer[] }> {
  await migrate(url);
  const db = createPrismaClient(url);
  try {
    if ((await db.article.count()) === 0) await seed(db);
    const article = await db.article.findFirstOrThrow({
      where: { status: "PUBLISHED", commentsClosed: false },
      orderBy: { publishedAt: "desc" },
      select: { id: true, slug: true },
    });
    const people: Writer[] = [];
    for (let i = 0; i < writers; i++) {
      const userId = (await buildUser(db)).id;
      people.push({ userId, token: await buildSession(db, userId) });
    }
    return { articleId: article.id, slug: article.slug, people };
  } finally {
    await db.$disconnect();
  }
}

async function post(
  baseUrl: string,
  actionId: string,
  slug: string,
  articleId: string,
  token: string,
  idempotencyKey: string,
  body: string,
): Promise<PostOutcome> {
  const { outcome } = await postCommentAction({
    baseUrl,
    actionId,
    slug,
    articleId,
    token,
    body,
    idempotencyKey,
  });
  return outcome;
}

type StressResult = {
  database: string;
  attempted: number;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicates: number;
  refused: number;
  retries: number;
  seconds: number;
};

async function stress(
  label: string,
  url: string,
  env: NodeJS.ProcessEnv,
  opts: { writers: number; comments: number; kill: boolean },
): Promise<StressResult> {
  const { articleId, slug, people } = await prepare(url, opts.writers);
  const port = await freePort(Array.from({ length: 20 }, (_, i) => 3230 + i));
  const serverEnv = { ...env, DATABASE_URL: url, SITE_URL: `http://127.0.0.1:${port}` };
  let server = startServer(serverEnv, port);
  await waitForHealth(server.base, server.process);
  const actionId = serverActionId(DIST_DIR, "lib/comments/actions.ts", "postComment");
  const run = randomBytes(4).toString("hex");
  const total = opts.writers * opts.comments;
  const acknowledged = new Set<string>();
  let refused = 0;
  let retries = 0;
  let restarting: Promise<void> | null = null;
  const started = performance.now();

  const killMidway = async () => {
    console.log(`  ${label}: ${acknowledged.size} acknowledged; SIGKILL to the server, then a restart`);
    await kill(server, "SIGKILL");
    server = startServer(serverEnv, port);
    await waitForHealth(server.base, server.process);
    console.log(`  ${label}: the server is back`);
  };

  await Promise.all(
    people.map(async (writer, w) => {
      for (let i = 0; i < opts.comments; i++) {
        const key = `stress-${run}-${w}-${i}`;
        const body = `Stress comment ${run} from writer ${w}, number ${i}: the ferry timetable changes again.`;
        // A client retries what was not acknowledged, with the same key, until it is (or 2 minutes pass).
        const deadline = Date.now() + 120_000;
        for (let attempt = 0; ; attempt++) {
          if (opts.kill && !restarting && acknowledged.size >= total / 2) restarting = killMidway();
          const outcome = await post(server.base, actionId, slug, articleId, writer.token, key, body);
          if (outcome === "ok") {
            acknowledged.add(key);
            break;
          }
          if (outcome === "refused" || Date.now() > deadline) {
            refused += 1;
            break;
          }
          retries += 1;
          if (restarting) await restarting;
          await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await kill(server, "SIGTERM");

  const db = createPrismaClient(url);
  try {
    const rows = await db.comment.findMany({
      where: { idempotencyKey: { startsWith: `stress-${run}-` } },
      select: { idempotencyKey: true, body: true },
    });
    const keys = new Set(rows.map((r) => r.idempotencyKey));
    const bodies = new Set(rows.map((r) => r.body));
    const lost = [...acknowledged].filter((k) => !keys.has(k)).length;
    return {
      database: label,
      attempted: total,
      acknowledged: acknowledged.size,
      stored: rows.length,
      lost,
      duplicates: rows.length - Math.min(keys.size, bodies.size),
      refused,
      retries,
      seconds: Math.round(seconds * 10) / 10,
    };
  } finally {
    await db.$disconnect();
  }
}

async function soak(url: string, env: NodeJS.ProcessEnv, seconds: number): Promise<boolean> {
  const { articleId, slug, people } = await prepare(url, 20);
  const port = await freePort(Array.from({ length: 20 }, (_, i) => 3230 + i));
  const server = startServer({ ...env, DATABASE_URL: url, SITE_URL: `http://127.0.0.1:${port}` }, port);
  await waitForHealth(server.base, server.process);
  const actionId = serverActionId(DIST_DIR, "lib/comments/actions.ts", "postComment");
  const pages = ["/", paths.article(slug), paths.comments(slug), "/about", "/search?q=harbour", "/feed.xml"];
  const samples: { minute: number; mb: number }[] = [];
  const end = Date.now() + seconds * 1000;
  let reads = 0;
  let writes = 0;
  let failures = 0;
  const sampler = setInterval(() => {
    const sample = { minute: samples.length + 1, mb: rssMb(server.process.pid!) };
    samples.push(sample);
    console.log(
      `  minute ${sample.minute}: RSS ${sample.mb} MB (${reads} reads, ${writes} writes, ${failures} failures)`,
    );
  }, 60_000);
  let n = 0;
  await Promise.all(
    Array.from({ length: 10 }, async (_, c) => {
      while (Date.now() < end) {
        const i = n++;
        if (i % 10 === 0) {
          const writer = people[i % people.length];
          const outcome = await post(
            server.base,
            actionId,
            slug,
            articleId,
            writer.token,
            `soak-${i}-${Date.now()}`,
            `Soak comment ${i} on c${c}: tide tables.`,
          );
          if (outcome === "ok") writes += 1;
          else failures += 1;
        } else {
          const res = await fetch(server.base + pages[i % pages.length]).catch(() => null);
          await res?.arrayBuffer();
          if (res?.ok) reads += 1;
          else failures += 1;
        }
      }
    }),
  );
  clearInterval(sampler);
  await kill(server, "SIGTERM");
  // After a 2-minute warm-up: the least-squares slope of RSS over the remaining minutes.
  const steady = samples.filter((s) => s.minute > 2);
  if (steady.length < 2) {
    console.log(`Soak: ${samples.length} samples; too short to judge growth (needs more than 3 minutes).`);
    return true;
  }
  const mx = steady.reduce((a, s) => a + s.minute, 0) / steady.length;
  const my = steady.reduce((a, s) => a + s.mb, 0) / steady.length;
  const slope =
    steady.reduce((a, s) => a + (s.minute - mx) * (s.mb - my), 0) /
    steady.reduce((a, s) => a + (s.minute - mx) ** 2, 0);
  const peak = Math.max(...samples.map((s) => s.mb));
  console.log(
    `Soak: ${reads} reads, ${writes} writes, ${failures} failures; RSS slope after warm-up ${slope.toFixed(2)} MB/min (limit 1), peak ${peak} MB (goal < 400)`,
  );
  return slope <= 1 && failures === 0;
}

async function main(): Promise<number> {
  loadEnvFiles();
  const { values } = parseArgs({
    options: {
      writers: { type: "string", default: "50" },
      comments: { type: "string", default: "100" },
      db: { type: "string", default: "both" },
      "no-kill": { type: "boolean", default: false },
      soak: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  const writers = Number(values.writers);
  const comments = Number(values.comments);
  const soakSeconds = values.soak === undefined ? null : Number(values.soak);
  if (
    ![writers, comments].every((n) => Number.isInteger(n) && n > 0) ||
    !["sqlite", "postgres", "both"].includes(values.db!) ||
    (soakSeconds !== null && !(soakSeconds > 0))
  ) {
    console.error(USAGE);
    return 2;
  }
  const pgServer =
    process.env.TEST_POSTGRES_URL ||
    (process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "");
  const wantPg = values.db !== "sqlite" && soakSeconds === null;
  if (wantPg && !pgServer) {
    if (values.db === "postgres")
      return (console.error("stress: set TEST_POSTGRES_URL to a PostgreSQL server."), 2);
    console.log("stress: TEST_POSTGRES_URL is not set; PostgreSQL is skipped.");
  }

  const dir = path.join(ROOT, ".tmp", "stress");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sqliteUrl = `file:${path.join(dir, "stress.db")}`;
  await migrate(sqliteUrl);
  const seedDb = createPrismaClient(sqliteUrl);
  await seed(seedDb).finally(() => seedDb.$disconnect());

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    DATABASE_URL: sqliteUrl,
    SITE_URL: "http://127.0.0.1:3230",
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(33).toString("base64"),
    COMMENT_LIMIT_PER_MINUTE: "1000000",
    COMMENT_LIMIT_PER_DAY: "1000000",
    // The soak reads /search as fast as it can from one address: far past a reader's 30 a minute.
    SEARCH_LIMIT_PER_MINUTE: "1000000",
  };
  if ((await ensureDistBuild(DIST_DIR, env)) !== 0)
    throw new Error("the build failed; see the output above.");

  if (soakSeconds !== null) return (await soak(sqliteUrl, env, soakSeconds)) ? 0 : 1;

  const results: StressResult[] = [];
  const opts = { writers, comments, kill: !values["no-kill"] };
  if (values.db !== "postgres") results.push(await stress("SQLite", sqliteUrl, env, opts));
  if (wantPg && pgServer) {
    const pg = await temporaryPgDatabase(pgServer);
    try {
      results.push(await stress("PostgreSQL", pg.url, env, opts));
    } finally {
      await pg.drop();
    }
  }
  console.log(
    `\nStress: ${writers} writers × ${comments} comments${opts.kill ? ", one SIGKILL midway" : ""}`,
  );
  console.table(results);
  for (const r of results)
    console.log(
      `${r.database}: acknowledged ${r.acknowledged} / stored ${r.stored} / lost ${r.lost} / duplicates ${r.duplicates} (refused ${r.refused}, retries ${r.retries}, ${r.seconds} s)`,
    );
  const bad = results.filter((r) => r.lost > 0 || r.duplicates > 0 || r.stored !== r.acknowledged);
  if (bad.length) console.error(`stress: FAILED on ${bad.map((r) => r.database).join(", ")}`);
  return bad.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`stress: ${error.message}`);
    process.exit(1);
  },
);
