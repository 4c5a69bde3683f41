// Runs the committed nginx front (deploy/nginx) as the current user: renders nginx.conf and
// newsroom.conf into a directory of its own and starts nginx in the foreground with that prefix.
// Used by `npm run cluster`, `npm run bench -- --cluster` and the nginx browser spec.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./run";

export const INSTALL_HINT = "apt-get install nginx libnginx-mod-http-brotli-filter";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so";

export type NginxOptions = {
  /** The port nginx listens on. */
  port: number;
  /** The `next start` instances, "127.0.0.1:3001". */
  upstreams: string[];
  /** A directory of its own (conf, cache, temp files, pid); emptied first. */
  dir: string;
  /** More http-context configuration (the bench's file server). */
  extra?: string;
};

/** The nginx binary on PATH (or /usr/sbin), or null. */
export function nginxBinary(): string | null {
  for (const candidate of ["nginx", "/usr/sbin/nginx"]) {
    const r = spawnSync(candidate, ["-v"], { stdio: "ignore" });
    if (!r.error && r.status === 0) return candidate;
  }
  return null;
}

/** Whether nginx can load the brotli filter here (without it the front serves gzip only). */
export function brotliAvailable(): boolean {
  return existsSync(BROTLI_MODULE);
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\$\{(NEWSROOM_[A-Z_]+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Writes <dir>/nginx.conf and <dir>/newsroom.conf from deploy/nginx; returns the main file's path. */
function renderNginx(opts: NginxOptions): string {
  rmSync(opts.dir, { recursive: true, force: true });
  for (const sub of ["cache", "temp"]) mkdirSync(path.join(opts.dir, sub), { recursive: true });
  const brotli = brotliAvailable();
  const values = {
    NEWSROOM_PORT: String(opts.port),
    NEWSROOM_UPSTREAMS: opts.upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=2s;`).join("\n    "),
    NEWSROOM_CACHE_DIR: path.join(opts.dir, "cache"),
    NEWSROOM_PREFIX: opts.dir,
    NEWSROOM_LOAD_MODULES: brotli ? `load_module ${BROTLI_MODULE};` : "",
    NEWSROOM_EXTRA: opts.extra ?? "",
  };
  let site = fill(readFileSync(path.join(ROOT, "deploy/nginx/newsroom.conf"), "utf8"), values);
  if (!brotli) {
    console.warn(`nginx: no brotli module (${BROTLI_MODULE}); serving gzip only. Install: ${INSTALL_HINT}`);
    site = site.replace(/^\s*brotli\w*\s[^;]*;\s*$/gm, "");
  }
  writeFileSync(path.join(opts.dir, "newsroom.conf"), site);
  const main = path.join(opts.dir, "nginx.conf");
  writeFileSync(main, fill(readFileSync(path.join(ROOT, "deploy/nginx/nginx.conf"), "utf8"), values));
  return main;
}

/** Renders the configuration, checks it with `nginx -t` and starts nginx in the foreground. */
export async function startNginx(opts: NginxOptions): Promise<ChildProcess> {
  const bin = nginxBinary();
  if (!bin) throw new Error(`nginx is not installed (${INSTALL_HINT})`);
  const conf = renderNginx(opts);
  const args = ["-p", opts.dir, "-c", conf, "-g", `daemon off; pid ${path.join(opts.dir, "nginx.pid")};`];
  const test = spawnSync(bin, ["-t", ...args], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const nginx = spawn(bin, args, { stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 50; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with code ${nginx.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${opts.port}/_nginx-probe`).then(
      () => true,
      () => false,
    );
    if (up) return nginx;
    await new Promise((r) => setTimeout(r, 100));
  }
  nginx.kill("SIGTERM");
  throw new Error(`nginx did not listen on ${opts.port}`);
}

/** Stops nginx (SIGQUIT: finish the requests in flight) and resolves once it has exited. */
export function stopNginx(nginx: ChildProcess): Promise<void> {
  if (nginx.exitCode !== null || nginx.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    nginx.once("exit", () => resolve());
    nginx.kill("SIGQUIT");
    setTimeout(() => nginx.kill("SIGKILL"), 5000).unref();
  });
}
