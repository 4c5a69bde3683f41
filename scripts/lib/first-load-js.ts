// The JavaScript a browser downloads to show a route the first time, read from a finished build's
// manifests (Next 16's `next build` no longer prints it): the framework's root chunks plus the
// chunks of every layout and the page on the route's path, gzipped one by one as a server sends them.
// Polyfills are left out: only browsers without ES modules load them (noModule).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export type FirstLoad = { route: string; files: { file: string; gzip: number }[]; gzipBytes: number };

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

const withoutGroups = (p: string) => p.replace(/\/\([^/)]+\)/g, "") || "/";

/** The page's entry in server/app, e.g. "/(site)/articles/[slug]/page" for "/articles/[slug]". */
function findPageEntry(serverApp: string, route: string): string | null {
  const stack = [""];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const e of readdirSync(path.join(serverApp, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) stack.push(rel);
      else if (e.name === "page_client-reference-manifest.js" && withoutGroups(dir) === route)
        return `${dir}/page`;
    }
  }
  return null;
}

function readClientManifest(file: string): ClientManifest {
  // The file assigns into globalThis.__RSC_MANIFEST; run it in a sandbox instead of require()ing it.
  const sandbox = { globalThis: { __RSC_MANIFEST: {} as Record<string, ClientManifest> } };
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  return Object.values(sandbox.globalThis.__RSC_MANIFEST)[0] ?? {};
}

export function firstLoadJs(distDir: string, route: string): FirstLoad {
  const serverApp = path.join(distDir, "server", "app");
  const buildManifest = path.join(distDir, "build-manifest.json");
  if (!existsSync(buildManifest) || !existsSync(serverApp))
    throw new Error(`${distDir} holds no finished build (no build-manifest.json or server/app)`);
  const entry = findPageEntry(serverApp, route);
  if (!entry) throw new Error(`no page for ${route} in ${distDir}`);

  const build = JSON.parse(readFileSync(buildManifest, "utf8")) as {
    rootMainFiles?: string[];
    pagesChunkGroupBootstrapParams?: Record<string, { otherChunks?: string[] }>;
  };
  const client = readClientManifest(path.join(serverApp, `${entry}_client-reference-manifest.js`));
  // The layouts above the page (root first) and the page itself.
  const segments = entry.split("/").slice(1, -1);
  const wanted = new Set([`[project]/app${entry}`]);
  for (let i = 0; i <= segments.length; i++) {
    const dir = ["", ...segments.slice(0, i)].join("/");
    for (const name of ["layout", "template"]) wanted.add(`[project]/app${dir}/${name}`);
  }
  const files = new Set<string>([
    ...(build.rootMainFiles ?? []),
    ...(build.pagesChunkGroupBootstrapParams?.[entry]?.otherChunks ?? []),
    ...Object.entries(client.entryJSFiles ?? {}).flatMap(([key, list]) => (wanted.has(key) ? list : [])),
  ]);
  const sizes = [...files]
    .filter((f) => f.endsWith(".js"))
    .map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length }));
  return { route, files: sizes, gzipBytes: sizes.reduce((sum, f) => sum + f.gzip, 0) };
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
