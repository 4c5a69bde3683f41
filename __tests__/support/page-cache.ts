// A cache-handlers/page-cache.js handler as one instance has it, on a directory of its own, without
// disk writes: with `memory` (bytes) Next's in-process tier too, else none.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import PageCache from "@/cache-handlers/page-cache";

export const pageCacheHandler = (memory?: number) =>
  new PageCache({
    fs: nodeFs,
    serverDistDir: path.join(mkdtempSync(path.join(tmpdir(), "page-cache-")), "server"),
    flushToDisk: false,
    revalidatedTags: [],
    ...(memory ? { maxMemoryCacheSize: memory } : {}),
  });
