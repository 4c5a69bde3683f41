// A fresh `next start` renders its hot routes before /api/health lets readers in (lib/http/warm-up.ts),
// and the warm-up writes nothing: no page and no "use cache" entry in Redis, no page on disk. How much
// it saves is measured by `npm run bench -- --cluster` (the first freshness probe), not asserted here.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Redis from "ioredis";
import { ROOT } from "@/scripts/lib/run";
import { prepareBuild, skipReason, startCluster, type Cluster } from "./harness";

jest.setTimeout(240_000);

if (skipReason) console.log(`*** Cluster tests SKIPPED: ${skipReason}`);
const describeCluster = skipReason ? describe.skip : describe;
const DIST_DIR = process.env.CLUSTER_DIST_DIR || ".next-cluster";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

describeCluster("a freshly started instance", () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster(1, await prepareBuild());
  }, 900_000);

  afterAll(async () => {
    await cluster?.close();
  }, 60_000);

  it("has rendered the front page, its top story and that story's comments before its health check passes, and stored none of it", async () => {
    // startCluster returned once /api/health answered 200; until then it answered 503 "warming".
    const instance = cluster.instances[0];
    const health = await fetch(`${instance.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ db: "ok", cache: "ok", ready: true });
    const log = instance.log.join("");
    expect(log).toMatch(
      /Warmed up in \d+ ms: rendered \/, \/articles\/([^,\s]+), \/articles\/\1\/comments 2× each\./,
    );

    // Nothing but the startup's own bookkeeping is in Redis: the draft renders stored nothing.
    const redis = new Redis(cluster.redisUrl, { lazyConnect: true });
    await redis.connect();
    try {
      const keys = await redis.keys("cluster:*");
      expect(keys.filter((k) => /^cluster:cache:(page|use):/.test(k))).toEqual([]);
    } finally {
      redis.disconnect();
    }
    expect(filesUnder(path.join(ROOT, DIST_DIR, "server", "route-cache"))).toEqual([]);
  });
});
