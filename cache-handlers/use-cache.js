// next.config.ts `cacheHandlers.default` ("use cache"): Next's own in-memory LRU for the entries, with
// the tag times of ./tags.js — refreshTags learns other instances' invalidations before a request's
// first cached read, updateTags records this instance's for the others (and for a restart).
const { createDefaultCacheHandler } = require("next/dist/server/lib/cache-handlers/default");
const { recordTags, syncTags } = require("./tags");

const local = createDefaultCacheHandler(50 * 1024 * 1024);

module.exports = {
  get: (key, softTags) => local.get(key, softTags),
  set: (key, pending) => local.set(key, pending),
  getExpiration: (tags) => local.getExpiration(tags),
  refreshTags: () => syncTags(),
  updateTags: (tags, durations) => recordTags(tags, durations),
};
