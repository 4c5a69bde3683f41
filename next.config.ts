import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { staticSecurityHeaders } from "./lib/security-headers";

const nextConfig = (phase: string): NextConfig => ({
  poweredByHeader: false,
  // Next hashes every cached page's whole HTML per response to make its ETag (a JavaScript loop over
  // each character): on a story page that was the largest single cost of serving it from the cache.
  // Shared caches hold reader pages for a second (lib/shared-cache.ts), so a 304 saves little.
  generateEtags: false,
  // Reader pages are cached ("use cache" + cacheTag) and invalidated per story by the importer.
  cacheComponents: true,
  partialPrefetching: true,
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
