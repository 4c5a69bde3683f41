// `npm run bench -- --cluster`: the site as N instances behind the committed nginx front, measured
// against nginx serving the same page's bytes from a file, side by side in one run; then how long a
// comment posted through one instance takes to reach readers through nginx and on every instance.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { buildComment, buildSession, buildUser } from "../../lib/comments/builders";
import { createPrismaClient } from "../../lib/prisma";
import { migrate } from "../../prisma/migrator";
import { seedIfEmpty } from "../../prisma/seed";
import { postCommentAction, serverActionId } from "./bench-comments";
import { clusterEnv, reachable, startCluster, type Instance } from "./cluster";
import { brotliAvailable } from "./nginx";
import { ROOT } from "./run";
import { freePort } from "./serve";

export const BENCH_CLUSTER_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/newsroom_bench_cluster";
const DIST_DIR = ".next-bench-cluster";
const SLUG = "ferry-fares-frozen-as-ridership-climbs";
const COMMENTS = 50;
const DIR = path.join(ROOT, ".tmp", "bench-cluster");

export type ClusterBenchOptions = {
  duration: number;
  connections: number;
  rounds: number;
  instances: number;
  databaseUrl?: string;
  /** nginx's port; the file server listens on the next one. Default: free ones from 3230. */
  port?: number;
  /** The first instance's port. Default: free ones from 3240. */
  firstPort?: number;
};

type Row = {
  name: string;
  url: string;
  /** The Accept-Encoding sent, or "identity" for none (autocannon sends none of its own). */
  encoding: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  /** Response bytes per request, as received (compressed when the answer was). */
  bytes: number;
  non2xx: number;
  errors: number;
  /** The machine's one-minute load average when the measurement ended. */
  load: number;
};

/** What browsers send. */
const BROWSER_ENCODING = "gzip, br";

/** The demo database with COMMENTS published comments on the measured story. */
async function prepare(url: string) {
  await migrate(url);
  const db = createPrismaClient(url);
  try {
    await seedIfEmpty(db);
    const article = await db.article.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
    const have = await db.comment.count({
      where: { articleId: article.id, status: "PUBLISHED", parentId: null },
    });
    for (let i = have; i < COMMENTS; i++) {
      const author = await buildUser(db);
      await buildComment(db, {
        articleId: article.id,
        authorId: author.id,
        body: `Comment ${i + 1} of the cluster benchmark: the ferry board should publish the fare model.`,
        createdAt: new Date(Date.now() - (COMMENTS - i) * 60_000),
      });
    }
    return article.id;
  } finally {
    await db.$disconnect();
  }
}

async function measure(
  name: string,
  url: string,
  encoding: string,
  duration: number,
  connections: number,
): Promise<Row> {
  const headers: Record<string, string> = encoding === "identity" ? {} : { "accept-encoding": encoding };
  const r = await autocannon({ url, connections, duration, headers });
  const row = {
    name,
    url,
    encoding,
    requestsPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytes: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    load: loadavg()[0]!,
  };
  console.log(
    `  ${`${name}, ${encoding}`.padEnd(34)} ${row.requestsPerSec.toFixed(0).padStart(5)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${(row.bytes / 1024).toFixed(1)} kB each (load ${row.load.toFixed(1)})`,
  );
  return row;
}

/**
 * The file server beside the front: the page's bytes as they are (nginx compresses them per request
 * for a client that asks, as it does the page's), and pre-compressed copies served as they are, the
 * way a cache of compressed bytes would serve them (gzip_static does this for .gz; the brotli static
 * module is not in Debian's nginx, hence the explicit header).
 */
function fileServer(port: number, www: string): string {
  const brotli = brotliAvailable();
  const precompressed = (encoding: string, ext: string) =>
    `location = /article.html.${ext} { types { } default_type text/html; gzip off; ${brotli ? "brotli off; " : ""}` +
    `add_header Content-Encoding ${encoding}; add_header Vary Accept-Encoding; }`;
  return `server { listen ${port}; root ${www}; location / { } ${precompressed("gzip", "gz")} ${brotli ? precompressed("br", "br") : ""} }`;
}

/** Posts one comment through `via` as a new reader, the way the comment form does with JavaScript. */
async function postComment(via: Instance, databaseUrl: string, articleId: string, body: string) {
  const db = createPrismaClient(databaseUrl);
  const token = await buildSession(db, (await buildUser(db)).id).finally(() => db.$disconnect());
  const { outcome, text } = await postCommentAction({
    baseUrl: via.url,
    actionId: serverActionId(DIST_DIR, "lib/comments/actions.ts", "postComment"),
    slug: SLUG,
    articleId,
    token,
    body,
    idempotencyKey: `fresh-${Date.now().toString(36)}`,
  });
  if (outcome !== "ok") throw new Error(`the comment post failed (${outcome}): ${text.slice(0, 200)}`);
}

/** Freshness probes: the first runs on instances that have not rendered the page yet. */
const FRESHNESS_PROBES = 5;
const PROBE_GAP_MS = 2_000;

/** Milliseconds until `url` shows `text`, polled every 20 ms; null after `limitMs`. */
async function until(url: string, text: string, started: number, limitMs: number): Promise<number | null> {
  while (performance.now() - started < limitMs) {
    const body = await fetch(url).then(
      (r) => r.text(),
      () => "",
    );
    if (body.includes(text)) return Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

export async function benchCluster(opts: ClusterBenchOptions): Promise<number> {
  const databaseUrl = opts.databaseUrl || BENCH_CLUSTER_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  if (!(await reachable(redisUrl))) throw new Error(`nothing answers at REDIS_URL ${redisUrl}`);
  console.log(
    `Preparing ${databaseUrl.replace(/\/\/[^@/]*@/, "//…@")} (demo content, ${COMMENTS} comments on ${SLUG})…`,
  );
  const articleId = await prepare(databaseUrl);

  const port = opts.port ?? (await freePort([3230, 3232, 3234, 3236, 3238]));
  const filePort = port + 1;
  const firstPort = opts.firstPort ?? 3240;
  const www = path.join(DIR, "www");
  mkdirSync(www, { recursive: true });
  const env = clusterEnv({
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SITE_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: process.env.AUTH_SECRET || "bench-cluster-only-auth-secret-0123456789abcdef",
  });
  const cluster = await startCluster({
    instances: opts.instances,
    port,
    firstPort,
    env,
    distDir: DIST_DIR,
    nginxDir: path.join(DIR, "nginx"),
    // The same nginx, the same page's bytes, from a file: the ceiling the front is measured against.
    nginxExtra: fileServer(filePort, www),
  });
  const stop = () => cluster.stop();
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    const pageUrl = `${cluster.url}/articles/${SLUG}`;
    const page = await fetch(pageUrl, { headers: { "accept-encoding": "identity" } });
    const bytes = Buffer.from(await page.arrayBuffer());
    if (!page.ok) throw new Error(`${pageUrl} answered ${page.status}`);
    writeFileSync(path.join(www, "article.html"), bytes);
    // The page as a browser gets it tells which encoding nginx picks; the file offers the same one.
    const asBrowser = await fetch(pageUrl, { headers: { "accept-encoding": BROWSER_ENCODING } });
    await asBrowser.arrayBuffer();
    const picked = asBrowser.headers.get("content-encoding") === "br" ? "br" : "gzip";
    writeFileSync(path.join(www, "article.html.gz"), gzipSync(bytes, { level: 5 }));
    writeFileSync(
      path.join(www, "article.html.br"),
      brotliCompressSync(bytes, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_LGWIN]: 19 },
      }),
    );
    const fileUrl = `http://127.0.0.1:${filePort}/article.html`;
    const preUrl = `${fileUrl}.${picked === "br" ? "br" : "gz"}`;
    console.log(
      `\nPage: ${pageUrl} (${(bytes.length / 1024).toFixed(1)} kB) through nginx over ${opts.instances} instance(s)`,
    );
    console.log(`File: ${fileUrl} (the same bytes, the same nginx; compressed per request when asked)`);
    console.log(`      ${preUrl} (the same bytes pre-compressed, ${picked}, served as they are)`);
    const targets = [
      { name: "page", url: pageUrl, encoding: "identity" },
      { name: "file", url: fileUrl, encoding: "identity" },
      { name: "page", url: pageUrl, encoding: BROWSER_ENCODING },
      { name: "file pre-compressed", url: preUrl, encoding: BROWSER_ENCODING },
      { name: "file compressed per request", url: fileUrl, encoding: BROWSER_ENCODING },
    ];
    for (const t of targets) {
      const headers: Record<string, string> =
        t.encoding === "identity" ? {} : { "accept-encoding": t.encoding };
      await autocannon({ url: t.url, connections: opts.connections, duration: 2, headers });
    }

    console.log(
      `\nMeasuring ${opts.duration} s each at ${opts.connections} connections, ${opts.rounds} round(s), without and with Accept-Encoding: ${BROWSER_ENCODING}:`,
    );
    const best = new Map<string, Row>();
    for (let round = 1; round <= opts.rounds; round++)
      for (const t of targets) {
        const row = await measure(t.name, t.url, t.encoding, opts.duration, opts.connections);
        const key = `${t.name}|${t.encoding}`;
        const seen = best.get(key);
        if (!seen || row.requestsPerSec > seen.requestsPerSec) best.set(key, row);
      }
    const row = (name: string, encoding: string) => best.get(`${name}|${encoding}`)!;
    const pageRow = row("page", "identity");
    const fileRow = row("file", "identity");
    const ratio = pageRow.requestsPerSec / fileRow.requestsPerSec;
    const compressed = {
      encoding: picked,
      page: row("page", BROWSER_ENCODING),
      file: row("file pre-compressed", BROWSER_ENCODING),
      fileCompressedPerRequest: row("file compressed per request", BROWSER_ENCODING),
      ratio: 0,
    };
    compressed.ratio = compressed.page.requestsPerSec / compressed.file.requestsPerSec;
    const cell = (r: Row) =>
      `${r.requestsPerSec.toFixed(0).padStart(5)} req/s, p99 ${String(r.p99).padStart(3)} ms`.padEnd(28);
    console.log(`\n  ${"".padEnd(30)}${"identity".padEnd(28)}${BROWSER_ENCODING} → ${picked}`);
    console.log(`  ${"page".padEnd(30)}${cell(pageRow)}${cell(compressed.page)}`);
    console.log(`  ${"file (as is | pre-compressed)".padEnd(30)}${cell(fileRow)}${cell(compressed.file)}`);
    console.log(
      `  ${"file compressed per request".padEnd(30)}${"".padEnd(28)}${cell(compressed.fileCompressedPerRequest)}`,
    );
    console.log(
      `  ${"ratio page/file".padEnd(30)}${`${ratio.toFixed(2)}×`.padEnd(28)}${compressed.ratio.toFixed(2)}× (against the pre-compressed file)`,
    );
    console.log(
      `  page non-2xx ${pageRow.non2xx + compressed.page.non2xx}, errors ${pageRow.errors + compressed.page.errors}; load average ${Math.min(...[...best.values()].map((r) => r.load)).toFixed(1)}–${Math.max(...[...best.values()].map((r) => r.load)).toFixed(1)}`,
    );
    const checks = [
      { label: `page ≥ 0.5× file req/s, identity (${ratio.toFixed(2)}×)`, ok: ratio >= 0.5 },
      // The file's own p99 beside it: uncompressed, autocannon reading ~100 kB per response on the same two
      // cores can hold even the file above 20 ms, and then the goal measures the client, not the site.
      {
        label: `page p99 < 20 ms, identity (${pageRow.p99} ms; the same bytes as a file: ${fileRow.p99} ms)`,
        ok: pageRow.p99 < 20,
      },
      {
        label: `page ≥ 0.5× file req/s, ${BROWSER_ENCODING} (${compressed.ratio.toFixed(2)}×)`,
        ok: compressed.ratio >= 0.5,
      },
      {
        label: `page p99 < 20 ms, ${BROWSER_ENCODING} (${compressed.page.p99} ms; the pre-compressed file: ${compressed.file.p99} ms)`,
        ok: compressed.page.p99 < 20,
      },
    ];

    // Freshness: post through the first instance; poll nginx and every instance directly. The first
    // probe is the instances' first render of this page since they started (they served it from the
    // cache until then; their warm-up rendered the hot routes, lib/http/warm-up.ts) and the first
    // comment post on the first instance, which no warm-up makes; the later ones show a server that
    // has done both. Each is printed.
    const limitMs = 10_000;
    const readers = [
      { name: "nginx", url: pageUrl },
      ...cluster.instances.map((it) => ({ name: it.name, url: `${it.url}/articles/${SLUG}` })),
    ];
    const probes: { postMs: number; delays: Record<string, number | null>; worst: number | null }[] = [];
    console.log(
      `\nPosting ${FRESHNESS_PROBES} comments through ${cluster.instances[0]!.name}, ${PROBE_GAP_MS / 1000} s apart; polling until each shows…`,
    );
    for (let probe = 1; probe <= FRESHNESS_PROBES; probe++) {
      if (probe > 1) await new Promise((r) => setTimeout(r, PROBE_GAP_MS));
      const text = `Freshness probe ${probe} ${Date.now().toString(36)}: posted through ${cluster.instances[0]!.name}.`;
      const started = performance.now();
      await postComment(cluster.instances[0]!, databaseUrl, articleId, text);
      const postMs = Math.round(performance.now() - started);
      const delays = await Promise.all(readers.map((t) => until(t.url, text, started, limitMs)));
      const worst = delays.some((d) => d === null) ? null : Math.max(...(delays as number[]));
      probes.push({ postMs, delays: Object.fromEntries(readers.map((t, i) => [t.name, delays[i]])), worst });
      console.log(
        `  probe ${probe}: post ${postMs} ms; shown ${readers
          .map(
            (t, i) =>
              `${t.name} ${delays[i] === null ? `not within ${limitMs / 1000} s` : `${delays[i]} ms`}`,
          )
          .join(", ")} after the post began`,
      );
    }
    const worsts = probes.map((p) => p.worst);
    const warm = worsts.slice(1);
    const median =
      warm.some((w) => w === null) || !warm.length
        ? null
        : [...(warm as number[])].sort((a, b) => a - b)[Math.floor((warm.length - 1) / 2)];
    checks.push({
      label: `a new comment reaches nginx and every instance within 1.5 s (median of the warm probes ${median === null ? "— not all showed" : `${median} ms`}; the first ${worsts[0] === null ? "did not show" : `${worsts[0]} ms`})`,
      ok: median !== null && median <= 1500,
    });
    console.log("");
    for (const t of checks) console.log(`${t.ok ? "PASS" : "MISS"}  ${t.label}`);

    const out = path.join(ROOT, ".tmp", "bench-cluster.json");
    const report = {
      date: new Date().toISOString(),
      ...opts,
      databaseUrl: undefined,
      page: pageRow,
      file: fileRow,
      ratio,
      compressed,
      freshness: probes,
      checks,
    };
    writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
    console.log(
      `\nWrote ${path.relative(ROOT, out)}. Targets are informational; the command succeeds either way.`,
    );
    return 0;
  } finally {
    await stop();
  }
}
