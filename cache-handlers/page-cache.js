// next.config.ts `cacheHandler`: Next's own page cache (prerendered and regenerated pages on disk,
// recent ones in memory), with its tag times kept beyond this process by ./tags.js: each lookup
// first learns the invalidations other instances made (REDIS_URL), or, without Redis, the ones made
// before this process started (a file in the dist directory).
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { syncTags, setDistDir } = require("./tags");

class PageCache extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    if (ctx.serverDistDir) setDistDir(ctx.serverDistDir);
  }

  async get(...args) {
    await syncTags();
    return super.get(...args);
  }

  // revalidateTag stays Next's (this process's Map): Next passes the same call to the "use cache"
  // handler (./use-cache.js), which records it in Redis or the file once.
}

module.exports = PageCache;
