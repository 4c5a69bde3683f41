// cache-handlers/tags.js between processes (each child process is one server instance): an
// invalidation made by one is seen by the next sync of another; one made while Redis is down is
// written once it answers; without Redis it outlives a restart in the dist directory.
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT } from "@/scripts/lib/run";
import { spawnRedisServer } from "../support/redis";

const run = promisify(execFile);
const PORT = Number(process.env.CLUSTER_REDIS_PORT || 6390) + 1;
const REDIS_URL = `redis://127.0.0.1:${PORT}`;
const haveRedisServer = spawnSync("redis-server", ["--version"]).status === 0;
if (!haveRedisServer) console.log("*** cache-tags tests SKIPPED: redis-server is not installed");
const describeWithServer = haveRedisServer ? describe : describe.skip;

const PRELUDE = `
const tags = require("./cache-handlers/tags");
const { closeSharedRedis, sharedRedis } = require("./cache-handlers/redis");
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
const done = async (value) => { console.log(JSON.stringify(value ?? null)); await closeSharedRedis(); };
const ready = () => new Promise((r) => (sharedRedis().status === "ready" ? r() : sharedRedis().once("ready", r)));
`;

/** Runs `code` in a new Node process (a new "instance") and returns what it printed, parsed. */
async function instance(code: string, env: Record<string, string> = { REDIS_URL }): Promise<unknown> {
  const { stdout } = await run(process.execPath, ["-e", `${PRELUDE}(async () => { ${code} })()`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "production", REDIS_KEY_PREFIX: "cache-tags-test:", ...env },
    timeout: 30_000,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

describeWithServer("cache tag times between instances", () => {
  let server: ChildProcess | null = null;
  const start = async () => {
    server = await spawnRedisServer(PORT);
  };
  const stop = async () => {
    const s = server;
    server = null;
    if (!s || s.exitCode !== null) return;
    const exited = new Promise((r) => s.once("exit", r));
    s.kill("SIGKILL");
    await exited;
  };

  beforeAll(start);
  afterAll(stop);

  it("an invalidation recorded by one instance is known to another after its next sync", async () => {
    await instance(`await ready(); await tags.recordTags(["article:one"]); await done();`);
    const seen = (await instance(
      `await ready(); await tags.syncTags(); await done(tagsManifest.get("article:one"));`,
    )) as {
      expired: number;
    };
    expect(seen.expired).toBeGreaterThan(Date.now() - 60_000);
  });

  it("one recorded while Redis is down is written when Redis answers again", async () => {
    await stop();
    const writer = instance(`
      await tags.recordTags(["article:two"]);
      const pendingWhileDown = tags.pendingTagCount();
      await new Promise((r) => setTimeout(r, 200));
      await ready();
      for (let i = 0; i < 100 && tags.pendingTagCount(); i++) await new Promise((r) => setTimeout(r, 50));
      await done({ pendingWhileDown, pendingAfter: tags.pendingTagCount() });`);
    await new Promise((r) => setTimeout(r, 1500));
    await start();
    expect(await writer).toEqual({ pendingWhileDown: 1, pendingAfter: 0 });
    const seen = (await instance(
      `await ready(); await tags.syncTags(); await done(tagsManifest.get("article:two"));`,
    )) as {
      expired: number;
    };
    expect(seen.expired).toBeGreaterThan(Date.now() - 60_000);
  });

  it("an instance writes back what it knows when Redis restarts without its data", async () => {
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `${PRELUDE}(async () => {
          await ready();
          await tags.syncTags();
          await tags.recordTags(["article:three"]);
          console.log("recorded");
          await new Promise((r) => process.stdin.once("data", r));
          await ready();
          await tags.syncTags();
          await done(tags.pendingTagCount());
        })()`,
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          REDIS_URL,
          REDIS_KEY_PREFIX: "cache-tags-test:",
        },
      },
    );
    let out = "";
    writer.stdout!.on("data", (b: Buffer) => (out += b.toString()));
    const exited = new Promise((r) => writer.once("exit", r));
    while (!out.includes("recorded")) await new Promise((r) => setTimeout(r, 50));
    await stop();
    await start();
    writer.stdin!.end("go\n");
    await exited;
    expect(out.trim().split("\n").pop()).toBe("0");
    const seen = (await instance(
      `await ready(); await tags.syncTags(); await done(tagsManifest.get("article:three"));`,
    )) as { expired: number };
    expect(seen?.expired).toBeGreaterThan(Date.now() - 60_000);
  });

  it("without Redis, invalidations outlive a restart in the dist directory", async () => {
    const server = path.join(mkdtempSync(path.join(tmpdir(), "newsroom-tags-")), "server");
    const dir = JSON.stringify(server);
    await instance(
      `tags.setDistDir(${dir}); await tags.recordTags(["articles"], { expire: 0 }); await done();`,
      {},
    );
    const seen = (await instance(
      `tags.setDistDir(${dir}); await tags.syncTags(); await done(tagsManifest.get("articles"));`,
      {},
    )) as {
      stale: number;
      expired: number;
    };
    expect(seen.expired).toBe(seen.stale);
    expect(seen.expired).toBeGreaterThan(Date.now() - 60_000);
  });
});
