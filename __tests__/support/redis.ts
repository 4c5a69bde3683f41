// The Redis server the Redis-store tests use: TEST_REDIS_URL (CI sets it). Unset, those tests skip and
// `npm test` says "skipped: no Redis"; set but not answering, they fail at once with the reason,
// instead of hanging until a hook times out.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
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

/** True when something accepts connections on 127.0.0.1:`port`. */
export const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** A throwaway redis-server of a test's own on `port` (nothing saved), once it accepts connections. */
export async function spawnRedisServer(port: number, timeoutMs = 10_000): Promise<ChildProcess> {
  const server = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const end = Date.now() + timeoutMs;
  while (!(await portOpen(port))) {
    if (Date.now() > end || server.exitCode !== null) {
      server.kill("SIGKILL");
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return server;
}
