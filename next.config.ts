import { readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { staticSecurityHeaders } from "./lib/http/security-headers";
import { version } from "./package.json";

const distDir = process.env.NEXT_DIST_DIR || ".next";

/**
 * One id per build, shared by every instance that serves it (docs: deploymentId, self-hosting "Version
 * Skew"): a browser holding pages of another build reloads instead of navigating, and "use cache"
 * entries of another build are never read. NEXT_DEPLOYMENT_ID wins when set (a release name or git
 * hash). Otherwise the build makes one, and `next start` reads it back from the build's
 * required-server-files.json, so a start without the variable serves the id the build was made with.
 */
function deploymentId(phase: string): string | undefined {
  const given = process.env.NEXT_DEPLOYMENT_ID?.trim();
  if (given) return given;
  if (phase === PHASE_PRODUCTION_BUILD) return `v${version.replace(/\W/g, "-")}-${Date.now().toString(36)}`;
  if (phase !== PHASE_PRODUCTION_SERVER) return undefined;
  try {
    const file = path.join(process.cwd(), distDir, "required-server-files.json");
    const built = JSON.parse(readFileSync(file, "utf8")) as { config?: { deploymentId?: string } };
    return built.config?.deploymentId || undefined;
  } catch {
    return undefined;
  }
}

const nextConfig = (phase: string): NextConfig => ({
  poweredByHeader: false,
  deploymentId: deploymentId(phase),
  // Behind the nginx front (deploy/nginx) nginx compresses, with brotli too; NEXT_COMPRESS=0 spares
  // the instances the work. `npm start` alone keeps gzip on.
  compress: process.env.NEXT_COMPRESS !== "0",
  // Next hashes every cached page's whole HTML per response to make its ETag (a JavaScript loop over
  // each character): on a story page that was the largest single cost of serving it from the cache.
  // Shared caches hold reader pages for a second (lib/http/shared-cache.ts), so a 304 saves little.
  generateEtags: false,
  // Reader pages are cached ("use cache" + cacheTag) and invalidated per story by the importer.
  cacheComponents: true,
  partialPrefetching: true,
  experimental: {
    // Next 16.5 turns this on with cacheComponents: every page rendered per request (comments,
    // sign-in, account, search, moderation) is rendered in stages, and with partialPrefetching its
    // layout and metadata a second time as a "runtime prefetch" embedded in the HTML's RSC payload,
    // for the client router's navigation cache. Reader pages navigate with plain links, so nothing
    // reads that copy: it cost a ten-comment story's comments page a third of its server CPU (a median
    // 34 ms a request against 20 ms without; 82 kB of HTML against 62 kB). The HTML is otherwise the same.
    cachedNavigations: false,
  },
  // Next's own caches: with REDIS_URL their entries and tag invalidations are shared through Redis
  // between instances (each keeps recent entries in memory, and its pages on disk for when Redis is
  // away); without it pages stay on disk and invalidations outlive restarts there (cache-handlers/).
  cacheHandler: require.resolve("./cache-handlers/page-cache.js"),
  cacheHandlers: { default: require.resolve("./cache-handlers/use-cache.js") },
  // Lets the browser suite and the benchmark build beside a developer's own build.
  distDir,
  // Native and wasm-backed database drivers stay as plain Node requires on the server.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  images: {
    formats: ["image/avif", "image/webp"],
    // Fewer widths than Next's default 16: every width is one more srcset entry, written three times
    // into each picture's page (the <img>, its preload and the RSC payload). A story's picture is at
    // most 768 CSS px wide, so 1,920 covers it at 2.5×; the cards, a third of the width, start at 256.
    deviceSizes: [640, 828, 1200, 1920],
    imageSizes: [256, 384],
  },
  // `npm run typecheck` and CI check types; skipping it here saves ~15 s on a first `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Every response; per-request pages get a nonce policy from proxy.ts instead of this CSP.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders(phase === PHASE_DEVELOPMENT_SERVER) }];
  },
});

export default nextConfig;
