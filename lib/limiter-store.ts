// Where rate-limiter-flexible keeps its counts, for every limiter of the site (comments, votes and the
// other writes, searches, sign-in mail): in this process's memory, or in Redis with an in-memory
// insurance limiter that answers at once while Redis is unreachable.
import Redis from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { sharedRedis } from "@/lib/redis";

type Points = { points: number; duration: number };

export type LimiterStore = {
  /** A limiter counting `points` per `duration` seconds under `<prefix>:<name>`. */
  make(name: string, rule: Points): RateLimiterAbstract;
  /** Closes the Redis connection this store opened (none for memory, the shared one, or a client it was handed). */
  close(): Promise<void>;
};

export function limiterStore(opts: {
  store: "memory" | "redis";
  prefix: string;
  /**
   * For the redis store: a client to use (the caller closes it) or a URL to connect to; neither, or
   * REDIS_URL itself, means the process's shared connection (lib/redis.ts).
   */
  redis?: Redis;
  redisUrl?: string;
}): LimiterStore {
  const memory = (name: string, rule: Points) =>
    new RateLimiterMemory({ keyPrefix: `${opts.prefix}:${name}`, ...rule });
  if (opts.store === "memory") return { make: memory, close: async () => undefined };
  const shared = !opts.redis && (!opts.redisUrl || opts.redisUrl === env.REDIS_URL) ? sharedRedis() : null;
  const owned = !opts.redis && !shared;
  // No offline queue: while Redis is unreachable a command fails at once and the insurance limiter
  // answers, instead of every form hanging on a reconnect.
  const client =
    opts.redis ??
    shared ??
    new Redis(opts.redisUrl ?? env.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  return {
    make: (name, rule) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${opts.prefix}:${name}`,
        ...rule,
        insuranceLimiter: memory(name, rule),
      }),
    close: async () => {
      if (owned) await client.quit().catch(() => client.disconnect());
    },
  };
}

/** Consumes one point: null when allowed, the refusal when not; any other failure is an error. */
export async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (err) {
    if (err instanceof RateLimiterRes) return err;
    throw err;
  }
}
