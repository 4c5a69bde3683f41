// next.config.ts `cacheHandlers.default` ("use cache"). Two tiers: Next's own in-memory LRU in front,
// and with REDIS_URL the entries in Redis too, so an instance that did not make an entry (a new or
// restarted one) reads it instead of rendering it again. Every Redis entry carries a TTL (its
// `expire`, at most a day) and entries over 2 MB stay local, so the store is bounded whatever Redis's
// maxmemory. A Redis read that fails or takes over 150 ms (cache-handlers/redis.js) is a miss: the
// value is rendered. Tag times come from ./tags.js: refreshTags learns other instances'
// invalidations before a request's first cached read, updateTags records this instance's.
const { createHash } = require("node:crypto");
const { createDefaultCacheHandler } = require("next/dist/server/lib/cache-handlers/default");
const {
  areTagsExpired,
  areTagsStale,
} = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
const { streamFromBuffer, streamToBuffer } = require("next/dist/server/stream-utils/node-web-streams-helper");
const { redisKey, sharedRedis } = require("./redis");
const { recordTags, syncTags } = require("./tags");
const { fillBegun, fillStored, stampFor } = require("./fills");

const MAX_TTL_SECONDS = 24 * 60 * 60;
const MAX_BYTES = 2 * 1024 * 1024;

const local = createDefaultCacheHandler(50 * 1024 * 1024);

const remoteKey = (key) => redisKey(`cache:use:${createHash("sha256").update(key).digest("base64url")}`);

/** [4-byte length of the JSON metadata][metadata][value bytes]. */
function encode(meta, bytes) {
  const head = Buffer.from(JSON.stringify(meta));
  const size = Buffer.alloc(4);
  size.writeUInt32BE(head.length);
  return Buffer.concat([size, head, bytes]);
}

function decode(buffer) {
  const size = buffer.readUInt32BE(0);
  return { meta: JSON.parse(buffer.subarray(4, 4 + size).toString()), bytes: buffer.subarray(4 + size) };
}

async function readRemote(key) {
  const client = sharedRedis();
  if (!client) return undefined;
  let buffer;
  try {
    buffer = await client.getBuffer(remoteKey(key));
  } catch {
    return undefined;
  }
  if (!buffer) return undefined;
  const { meta, bytes } = decode(buffer);
  if (areTagsExpired(meta.tags, meta.timestamp)) return undefined;
  return { meta, bytes };
}

async function writeRemote(key, entry, bytes) {
  const client = sharedRedis();
  const ttl = Math.min(Math.ceil(entry.expire), MAX_TTL_SECONDS);
  if (!client || !(ttl > 0) || bytes.length > MAX_BYTES) return;
  const meta = { ...entry };
  delete meta.value;
  try {
    await client.set(remoteKey(key), encode(meta, bytes), "EX", ttl);
  } catch {
    // Redis down: this instance keeps the entry; the others render it themselves.
  }
}

module.exports = {
  async get(key, softTags) {
    const hit = await local.get(key, softTags);
    if (hit) return hit;
    const remote = await readRemote(key);
    if (!remote) return undefined;
    const { meta, bytes } = remote;
    // Kept here too; Next's LRU applies the same tag checks to it.
    void local.set(key, Promise.resolve({ ...meta, value: streamFromBuffer(bytes) }));
    const revalidate = areTagsStale(meta.tags, meta.timestamp) ? -1 : meta.revalidate;
    return { ...meta, revalidate, value: streamFromBuffer(bytes) };
  },

  async set(key, pending) {
    // The value stream can be read once: read it here, then hand each tier its own stream. An entry
    // that read another request's fill overtaken by an invalidation gets that fill's start (./fills.js).
    let fill;
    const read = pending.then(async (given) => {
      fill = fillBegun(given.tags, given.timestamp);
      const entry = { ...given, timestamp: stampFor(given.tags, given.timestamp) };
      return { entry, bytes: await streamToBuffer(given.value) };
    });
    const toLocal = local.set(
      key,
      read.then(({ entry, bytes }) => ({ ...entry, value: streamFromBuffer(bytes) })),
    );
    const toRemote = read.then(({ entry, bytes }) => writeRemote(key, entry, bytes)).catch(() => undefined);
    try {
      await Promise.all([toLocal, toRemote]);
    } finally {
      if (fill) fillStored(fill);
    }
  },

  getExpiration: (tags) => local.getExpiration(tags),
  refreshTags: () => syncTags(),
  updateTags: (tags, durations) => recordTags(tags, durations),
};
