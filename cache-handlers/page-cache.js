// next.config.ts `cacheHandler`: Next's page cache (rendered pages and route responses). Without
// REDIS_URL it is Next's own FileSystemCache (recent entries in memory, all on disk). With REDIS_URL
// pages and route responses also go to Redis, so an instance that did not render a page (a new or
// restarted one) serves the others' copy instead of its own disk's. A lookup goes memory → Redis → disk:
// memory first while its entry's tags are current, Redis when it has nothing current, and the disk (the
// build's prerendered pages, this instance's own renders) when Redis has nothing or does not answer
// within its command timeout (cache-handlers/redis.js). Every write still goes to memory and disk too,
// so nothing is lost while Redis is down. Redis entries carry a TTL (the page's `expire`, at most a day)
// and pages over 2 MB stay local, so the store is bounded whatever Redis's maxmemory. Keys carry the
// build's id: another build's pages are never served.
//
// Tag times come from ./tags.js: each lookup first learns the invalidations other instances made
// (REDIS_URL), or, without Redis, the ones made before this process started (a file in the dist
// directory). revalidateTag stays Next's (this process's Map): Next passes the same call to the
// "use cache" handler (./use-cache.js), which records it in Redis or the file once.
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const path = require("node:path");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const {
  areTagsExpired,
  areTagsStale,
} = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
const { redisKey, sharedRedis } = require("./redis");
const { syncTags, setDistDir } = require("./tags");
const { stampFor } = require("./fills");

const MAX_TTL_SECONDS = 24 * 60 * 60;
const MAX_BYTES = 2 * 1024 * 1024;
/** Whole responses; `fetch` entries stay in Next's own cache. */
const SHARED_KINDS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);
const BUFFER = "__newsroomBuffer";
const MAP = "__newsroomMap";

const builds = new Map();
/** The build's deploymentId (or BUILD_ID), read once per dist directory. */
function buildOf(serverDistDir) {
  if (!builds.has(serverDistDir)) {
    const read = (file) => readFileSync(path.join(serverDistDir, "..", file), "utf8");
    let id = "";
    try {
      id = JSON.parse(read("required-server-files.json")).config?.deploymentId ?? "";
    } catch {}
    try {
      id ||= read("BUILD_ID").trim();
    } catch {}
    builds.set(serverDistDir, id);
  }
  return builds.get(serverDistDir);
}

/**
 * [4-byte lengths of the two JSON parts][blob sizes][entry][blobs…]: Buffers (rscData, segment data,
 * route bodies) go after the JSON, which names them by index; Maps (segmentData) become their entries.
 */
function encode(entry) {
  const blobs = [];
  const json = Buffer.from(
    JSON.stringify(entry, function (key, value) {
      const raw = this[key]; // before Buffer#toJSON
      if (raw instanceof Uint8Array) return { [BUFFER]: blobs.push(Buffer.from(raw)) - 1 };
      if (raw instanceof Map) return { [MAP]: [...raw] };
      return value;
    }),
  );
  const sizes = Buffer.from(JSON.stringify(blobs.map((b) => b.length)));
  const head = Buffer.alloc(8);
  head.writeUInt32BE(sizes.length, 0);
  head.writeUInt32BE(json.length, 4);
  return Buffer.concat([head, sizes, json, ...blobs]);
}

function decode(buffer) {
  let offset = 8 + buffer.readUInt32BE(0);
  const sizes = JSON.parse(buffer.subarray(8, offset).toString());
  const json = buffer.subarray(offset, (offset += buffer.readUInt32BE(4))).toString();
  const blobs = sizes.map((n) => buffer.subarray(offset, (offset += n)));
  return JSON.parse(json, (_, v) =>
    v && typeof v === "object" ? (BUFFER in v ? blobs[v[BUFFER]] : MAP in v ? new Map(v[MAP]) : v) : v,
  );
}

/** As FileSystemCache decides: a response is expired once one of its tags was invalidated after it. */
function tagsExpired(entry) {
  const tags = entry?.value?.headers?.["x-next-cache-tags"];
  return typeof tags === "string" && areTagsExpired(tags.split(","), entry.lastModified);
}

const now = () => Math.floor(performance.timeOrigin + performance.now());

/**
 * When the render that will write each key began, at the latest: the first lookup that found nothing
 * current since the key was last written. Next stamps an entry with the time it is written, so a
 * render that began before a tag was invalidated (an approval, a new comment) and ended after it
 * would be stored as if it were newer than the invalidation, and served, without the change, until
 * the next one: seen as an approved comment missing from its story for more than 10 s while other
 * readers' requests kept the page rendering. The entry is stamped with this time instead.
 */
const renderStarts = new Map();
const RENDER_STARTS_BOUND = 10_000;

/** Whether Next will render `key` after this lookup: nothing current, or a stale entry to refresh. */
function rendersAfter(entry) {
  if (!entry) return true;
  const revalidate = entry.cacheControl?.revalidate;
  if (typeof revalidate === "number" && entry.lastModified + revalidate * 1000 <= now()) return true;
  const tags = entry.value?.headers?.["x-next-cache-tags"];
  return typeof tags === "string" && areTagsStale(tags.split(","), entry.lastModified);
}

/** A render that never wrote (an error, an uncacheable answer) is forgotten after this long. */
const RENDER_START_LIFETIME_MS = 60_000;

function lookedUp(key, entry) {
  const started = renderStarts.get(key);
  if ((started !== undefined && now() - started < RENDER_START_LIFETIME_MS) || !rendersAfter(entry)) return;
  if (renderStarts.size >= RENDER_STARTS_BOUND) renderStarts.clear(); // renders that never wrote
  renderStarts.set(key, now());
}

class PageCache extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    if (ctx.serverDistDir) setDistDir(ctx.serverDistDir);
  }

  remoteKey(key) {
    const build = buildOf(this.serverDistDir ?? "");
    return redisKey(`cache:page:${createHash("sha256").update(`${build}\0${key}`).digest("base64url")}`);
  }

  async get(key, ctx) {
    const entry = await this.lookUp(key, ctx);
    lookedUp(key, entry);
    return entry;
  }

  async lookUp(key, ctx) {
    await syncTags();
    const client = SHARED_KINDS.has(ctx?.kind) ? sharedRedis() : null;
    if (client) {
      const inMemory = FileSystemCache.memoryCache?.get(key);
      const remote = !inMemory || tagsExpired(inMemory) ? await this.getRemote(client, key) : null;
      if (remote) {
        FileSystemCache.memoryCache?.set(key, remote);
        return remote;
      }
    }
    return super.get(key, ctx);
  }

  /** Redis's entry while its tags are current; null when it has none, or is slow, down or unreadable. */
  async getRemote(client, key) {
    try {
      const buffer = await client.getBuffer(this.remoteKey(key));
      const entry = buffer && decode(buffer);
      return entry && !tagsExpired(entry) ? entry : null;
    } catch {
      return null;
    }
  }

  async set(key, data, ctx) {
    const began = renderStarts.get(key);
    renderStarts.delete(key);
    // The render's start, or earlier if it may have shown another request's overtaken fill (./fills.js).
    const tags = data?.headers?.["x-next-cache-tags"];
    const started = stampFor(typeof tags === "string" ? tags.split(",") : [], began ?? now());
    const writing = super.set(key, data, ctx); // puts the entry in memory before it first awaits
    const inMemory = FileSystemCache.memoryCache?.get(key);
    if (inMemory?.value === data) inMemory.lastModified = Math.min(inMemory.lastModified, started);
    await Promise.all([writing, this.setRemote(key, data, ctx, started)]);
  }

  async setRemote(key, data, { cacheControl }, lastModified) {
    const client = SHARED_KINDS.has(data?.kind) ? sharedRedis() : null;
    if (!client) return;
    const expire = cacheControl?.expire;
    const ttl = Number.isFinite(expire) && expire > 0 ? Math.min(expire, MAX_TTL_SECONDS) : MAX_TTL_SECONDS;
    try {
      const value = encode({ lastModified, value: data, cacheControl });
      if (value.length <= MAX_BYTES) await client.set(this.remoteKey(key), value, "EX", Math.ceil(ttl));
    } catch {
      // Redis down: memory and disk have it; the other instances render their own.
    }
  }
}

module.exports = PageCache;
