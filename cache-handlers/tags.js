// When each cache tag was last invalidated, for every Next cache of this process. Next keeps that in
// one in-process Map (tags-manifest.external), read by its page cache and its "use cache" cache; this
// module keeps the Map right beyond one process:
//
// - with REDIS_URL, invalidations are written to Redis (a hash of tag → times, a sequence number and a
//   log of which tag changed at which number) and every request first reads the sequence number
//   (one MGET with the store's epoch) and, when another instance moved it, the tags changed since. An
//   invalidation Redis did not take (Redis down) is kept and written again when it answers; if Redis
//   lost its data (a new epoch), this process writes back every invalidation it knows.
// - without Redis, invalidations are kept in <distDir>/cache/newsroom-tags.json, so a restarted
//   `next start` does not serve pages prerendered before an import as if they were fresh.
const { randomUUID } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
const { redisKey, sharedRedis } = require("./redis");

const STATE = Symbol.for("newsroom.cache-tags");
const state = (globalThis[STATE] ??= {
  file: null,
  fileLoaded: false,
  writing: null,
  writeAgain: false,
  seq: -1,
  epoch: null,
  pending: new Map(),
  syncing: null,
  replayOnReady: false,
  waitedForConnection: false,
});

// Merges `entry` into the remote value (later times win), stores it, and logs the tag under a new
// sequence number. KEYS: seq, hash, log. ARGV: tag, json, tag, json, …
const RECORD = `
local seq = redis.call('INCR', KEYS[1])
for i = 1, #ARGV, 2 do
  local tag, new = ARGV[i], cjson.decode(ARGV[i + 1])
  local old = redis.call('HGET', KEYS[2], tag)
  if old then
    old = cjson.decode(old)
    for _, k in ipairs({'stale', 'expired'}) do
      if old[k] and (not new[k] or old[k] > new[k]) then new[k] = old[k] end
    end
  end
  redis.call('HSET', KEYS[2], tag, cjson.encode(new))
  redis.call('ZADD', KEYS[3], seq, tag)
end
return seq`;

const keys = () => [
  redisKey("cache:tags:seq"),
  redisKey("cache:tags"),
  redisKey("cache:tags:log"),
  redisKey("cache:tags:epoch"),
];

const now = () => Math.floor(performance.timeOrigin + performance.now());

/** Later times win: an invalidation is never undone by an older one. */
function merge(tag, entry) {
  const old = tagsManifest.get(tag) ?? {};
  const next = { ...old };
  for (const k of ["stale", "expired"])
    if (typeof entry[k] === "number" && !(old[k] >= entry[k])) next[k] = entry[k];
  tagsManifest.set(tag, next);
  return next;
}

/** Where the file store lives: called by the page cache handler, which knows the dist directory. */
function setDistDir(serverDistDir) {
  if (state.file) return;
  state.file = path.join(serverDistDir, "..", "cache", "newsroom-tags.json");
  loadFile();
}

function loadFile() {
  if (state.fileLoaded || !state.file || sharedRedis()) return;
  state.fileLoaded = true;
  try {
    for (const [tag, entry] of Object.entries(JSON.parse(readFileSync(state.file, "utf8"))))
      merge(tag, entry);
  } catch {
    // No file yet (a fresh build) or a torn one: nothing was invalidated that we can know of.
  }
}

/** Writes the whole Map, one write at a time; changes made meanwhile go in the next write. */
function saveFile() {
  if (!state.file) return Promise.resolve();
  if (state.writing) {
    state.writeAgain = true;
    return state.writing;
  }
  state.writing = (async () => {
    do {
      state.writeAgain = false;
      try {
        mkdirSync(path.dirname(state.file), { recursive: true });
        const tmp = `${state.file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(Object.fromEntries(tagsManifest)));
        renameSync(tmp, state.file);
      } catch (err) {
        console.warn(`cache tags: could not save ${state.file}: ${err.message}`);
      }
      await new Promise((r) => setImmediate(r));
    } while (state.writeAgain);
  })().finally(() => (state.writing = null));
  return state.writing;
}

/** Writes the invalidations Redis has not taken yet; they stay pending if it fails. */
async function flush(client) {
  if (!state.pending.size) return;
  const batch = new Map(state.pending);
  const args = [];
  for (const [tag, entry] of batch) args.push(tag, JSON.stringify(entry));
  await client.eval(RECORD, 3, ...keys().slice(0, 3), ...args);
  for (const [tag, entry] of batch) if (state.pending.get(tag) === entry) state.pending.delete(tag);
}

/**
 * Marks tags invalidated, as Next's own handlers do: without `durations` expired now, with them stale
 * now and expired after `durations.expire` seconds.
 */
async function recordTags(tags, durations) {
  const t = now();
  const entry = durations
    ? { stale: t, ...(Number.isFinite(durations.expire) ? { expired: t + durations.expire * 1000 } : {}) }
    : { expired: t };
  for (const tag of new Set(tags)) state.pending.set(tag, merge(tag, entry));
  const client = sharedRedis();
  if (!client) {
    state.pending.clear();
    return saveFile();
  }
  try {
    await flush(client);
  } catch {
    // Kept in `pending`, and written as soon as Redis answers again (or by an earlier sync).
    if (!state.replayOnReady) {
      state.replayOnReady = true;
      client.once("ready", () => {
        state.replayOnReady = false;
        void syncTags();
      });
    }
  }
}

async function pull(client) {
  const [seqKey, hashKey, logKey, epochKey] = keys();
  let [seqText, epoch] = await client.mget(seqKey, epochKey);
  if (!epoch) {
    // A new Redis, or one that lost its data: a new epoch tells every instance to read it all again.
    await client.set(epochKey, randomUUID(), "NX");
    [seqText, epoch] = await client.mget(seqKey, epochKey);
  }
  const seq = Number(seqText ?? 0);
  if (epoch === state.epoch && seq === state.seq) return;
  let changed;
  if (epoch !== state.epoch || seq < state.seq) {
    const all = await client.hgetall(hashKey);
    changed = Object.entries(all);
    // Redis lost what this process knew: put it back for the instances that start after.
    if (state.epoch !== null)
      for (const [tag, entry] of tagsManifest) if (!(tag in all)) state.pending.set(tag, entry);
  } else {
    const tags = await client.zrangebyscore(logKey, state.seq + 1, seq);
    const values = tags.length ? await client.hmget(hashKey, ...tags) : [];
    changed = tags.map((tag, i) => [tag, values[i]]);
  }
  for (const [tag, json] of changed) if (json) merge(tag, JSON.parse(json));
  state.seq = seq;
  state.epoch = epoch;
  if (state.pending.size) await flush(client);
}

/**
 * A process's first requests come before its connection is up; answering them without the tag times
 * would serve pages prerendered before every import since the build. So the first sync waits for the
 * connection, once and for at most a second (Redis down at start-up: serve what the build knows).
 */
async function firstConnection(client) {
  if (client.status === "ready" || state.waitedForConnection) return;
  state.waitedForConnection = true;
  await new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, 1000);
    client.once("ready", done);
  });
}

/**
 * Brings this process's tag times up to date with Redis (one GET when nothing changed). Concurrent
 * callers share one round trip. Never throws: without Redis, the last known state stands.
 */
function syncTags() {
  const client = sharedRedis();
  if (!client) {
    loadFile();
    return Promise.resolve();
  }
  state.syncing ??= (async () => {
    try {
      await firstConnection(client);
      if (state.pending.size) await flush(client);
      await pull(client);
    } catch {
      // Redis is slow or down: serve from what this process knows.
    } finally {
      state.syncing = null;
    }
  })();
  return state.syncing;
}

/** Invalidations this process made that Redis has not taken yet. */
function pendingTagCount() {
  return state.pending.size;
}

module.exports = { recordTags, syncTags, setDistDir, pendingTagCount };
