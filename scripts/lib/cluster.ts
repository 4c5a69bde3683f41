// N `next start` instances of one build behind the committed nginx front (deploy/nginx), for
// `npm run cluster` and `npm run bench -- --cluster`.
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
import path from "node:path";
import { ensureDistBuild } from "./dist-build";
import { startNginx, stopNginx } from "./nginx";
import { ROOT } from "./run";
import { freePort, waitForHealth } from "./serve";
import { serverMemoryEnv } from "./server-memory";

export type ClusterOptions = {
  instances: number;
  /** nginx's port. */
  port: number;
  /** The first instance's port; the others follow it. */
  firstPort: number;
  /** The instances' environment (DATABASE_URL, REDIS_URL, SITE_URL, secrets…). */
  env: NodeJS.ProcessEnv;
  distDir: string;
  /** nginx's own directory (configuration, cache, temp files). */
  nginxDir: string;
  /** Where the instances' output goes: "inherit" prefixes each line with the instance's name. */
  output?: "inherit" | "ignore";
  /** More http-context nginx configuration (the bench's file server). */
  nginxExtra?: string;
};

export type Instance = { name: string; port: number; url: string; process: ChildProcess };

type Cluster = {
  url: string;
  instances: Instance[];
  nginx: ChildProcess;
  stop: () => Promise<void>;
};

/** The instances' settings behind nginx: nginx compresses, and its address is the trusted proxy. */
export function clusterEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...base,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_COMPRESS: "0",
    TRUSTED_PROXIES: base.TRUSTED_PROXIES || "127.0.0.1,::1",
  };
}

/** Whether something accepts TCP connections at a redis:// (or any host:port) URL. */
export function reachable(url: string, timeoutMs = 1500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true)).once("error", () => done(false));
  });
}

function prefixLines(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WritableStream) {
  let rest = "";
  stream.on("data", (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
}

function startInstance(name: string, port: number, opts: ClusterOptions): Instance {
  // Its own process group, so stopping it stops every worker it started. No -H: bound to 127.0.0.1,
  // proxy.ts's 404 rewrites arrive as 200 (see scripts/e2e-server.ts).
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    env: serverMemoryEnv({ ...opts.env, NEXT_DIST_DIR: opts.distDir, PORT: String(port) }),
    stdio: ["ignore", opts.output === "inherit" ? "pipe" : "ignore", "pipe"],
    detached: true,
  });
  if (child.stdout) prefixLines(name, child.stdout, process.stdout);
  prefixLines(name, child.stderr!, process.stderr);
  return { name, port, url: `http://127.0.0.1:${port}`, process: child };
}

function stopInstance(instance: Instance): Promise<void> {
  const child = instance.process;
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, 5000).unref();
  });
}

/** Builds (unless current), starts the instances, waits for each to be healthy, then starts nginx. */
export async function startCluster(opts: ClusterOptions, log: (line: string) => void = console.log) {
  const ports = Array.from({ length: opts.instances }, (_, i) => opts.firstPort + i);
  for (const port of [...ports, opts.port])
    if ((await freePort([port]).catch(() => null)) === null)
      throw new Error(`port ${port} is in use (choose others with --port / --first-port)`);
  if ((await ensureDistBuild(opts.distDir, opts.env, log)) !== 0)
    throw new Error("the build failed; see the output above.");

  const instances = ports.map((port, i) => startInstance(`app${i + 1}`, port, opts));
  let nginx: ChildProcess | null = null;
  const stop = async () => {
    if (nginx) await stopNginx(nginx);
    await Promise.all(instances.map(stopInstance));
  };
  try {
    await Promise.all(instances.map((it) => waitForHealth(it.url, it.process)));
    nginx = await startNginx({
      port: opts.port,
      upstreams: instances.map((it) => `127.0.0.1:${it.port}`),
      dir: opts.nginxDir,
      extra: opts.nginxExtra,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${opts.port}`, instances, nginx, stop } satisfies Cluster;
}
