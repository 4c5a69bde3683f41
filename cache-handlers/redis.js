// The one Redis connection of a server process (REDIS_URL), shared by Next's cache handlers (loaded by
// `next start` outside the app's bundles), the rate limiters and the route verdicts (inside them):
// kept on globalThis under a Symbol.for key, so every bundle and this file find the same client.
// Plain JavaScript because Next requires the cache handlers at run time, unbundled.
//
// Commands fail fast while Redis is unreachable (no offline queue, one retry, a 150 ms command
// timeout): every caller has an answer without Redis (render, count in memory), and waiting on a
// reconnect would stall pages instead.
const Redis = require("ioredis");

const HOLDER = Symbol.for("newsroom.redis");
/** How long one command may take before its caller goes on without Redis. */
const COMMAND_TIMEOUT_MS = Number(process.env.REDIS_COMMAND_TIMEOUT_MS) || 150;

function holder() {
  return (globalThis[HOLDER] ??= { url: null, client: null, subscriber: null, warned: false });
}

/** Keys of this site: REDIS_KEY_PREFIX (default "newsroom:") separates sites sharing one Redis. */
function redisKey(name) {
  return `${process.env.REDIS_KEY_PREFIX ?? "newsroom:"}${name}`;
}

function options(extra) {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    // Keep trying, at least every second: Redis coming back must be noticed soon, without a restart.
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    ...extra,
  };
}

function watch(client, name) {
  const h = holder();
  client.on("error", (err) => {
    if (h.warned) return;
    h.warned = true;
    console.warn(`redis (${name}): ${err.message}; serving without the shared cache until it answers`);
  });
  client.on("ready", () => {
    if (h.warned) console.warn(`redis (${name}): connected again`);
    h.warned = false;
  });
  return client;
}

/** The process's command connection, or null without REDIS_URL. */
function sharedRedis() {
  const url = process.env.REDIS_URL;
  // `next build` runs the handlers too, and must not need (or wait on) Redis.
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return null;
  const h = holder();
  if (!h.client || h.url !== url) {
    h.url = url;
    h.client = watch(new Redis(url, options()), "commands");
  }
  return h.client;
}

/** The process's one subscriber connection (pub/sub needs its own), or null without REDIS_URL. */
function sharedSubscriber() {
  const client = sharedRedis();
  if (!client) return null;
  const h = holder();
  // A subscriber waits for messages, so no command timeout; subscriptions are renewed on reconnect.
  h.subscriber ??= watch(
    client.duplicate(options({ commandTimeout: undefined, enableOfflineQueue: true })),
    "subscriber",
  );
  return h.subscriber;
}

/** True when Redis answers a PING within the command timeout. */
async function redisAnswers() {
  const client = sharedRedis();
  if (!client) return false;
  try {
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  }
}

/** Closes both connections (tests, scripts). */
async function closeSharedRedis() {
  const h = holder();
  const open = [h.client, h.subscriber].filter(Boolean);
  h.client = h.subscriber = h.url = null;
  await Promise.all(open.map((c) => c.quit().catch(() => c.disconnect())));
}

module.exports = { sharedRedis, sharedSubscriber, redisAnswers, closeSharedRedis, redisKey };
