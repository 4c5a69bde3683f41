// The Redis server the Redis-store tests use: TEST_REDIS_URL (CI sets it). Unset, those tests skip and
// `npm test` says "skipped: no Redis"; set but not answering, they fail at once with the reason,
// instead of hanging until a hook times out.
import Redis from "ioredis";

export const testRedisUrl = process.env.TEST_REDIS_URL || null;

/** `describe` when TEST_REDIS_URL is set, else `describe.skip`. */
export const describeWithRedis = testRedisUrl ? describe : describe.skip;

/** A connected client on TEST_REDIS_URL, or a clear error within two seconds. */
export async function connectTestRedis(): Promise<Redis> {
  const url = testRedisUrl;
  if (!url) throw new Error("TEST_REDIS_URL is not set");
  const redis = new Redis(url, {
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: true,
    retryStrategy: () => null,
    lazyConnect: true,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(
      `TEST_REDIS_URL=${url} is set but Redis does not answer (${(err as Error).message}). ` +
        "Start it (redis-server --port 6379 --save '') or unset TEST_REDIS_URL to skip the Redis tests.",
    );
  }
  return redis;
}
