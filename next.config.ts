import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { staticSecurityHeaders } from "./lib/security-headers";

const nextConfig = (phase: string): NextConfig => ({
  poweredByHeader: false,
  // Reader pages are cached ("use cache" + cacheTag) and invalidated per story by the importer.
  cacheComponents: true,
  partialPrefetching: true,
  // Next's own caches, with their tag invalidations shared through Redis (REDIS_URL) between
  // instances, or kept on disk across restarts without it (cache-handlers/tags.js).
  cacheHandler: require.resolve("./cache-handlers/page-cache.js"),
  cacheHandlers: { default: require.resolve("./cache-handlers/use-cache.js") },
  // Lets the browser suite and the benchmark build beside a developer's own build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and wasm-backed database drivers stay as plain Node requires on the server.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  images: {
    formats: ["image/avif", "image/webp"],
  },
  // `npm run typecheck` and CI check types; skipping it here saves ~15 s on a first `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Every response; per-request pages get a nonce policy from proxy.ts instead of this CSP.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders(phase === PHASE_DEVELOPMENT_SERVER) }];
  },
});

export default nextConfig;
