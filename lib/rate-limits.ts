// Per-key limits on the writes and reads that cost the site most besides comments: votes, edits,
// deletes and reports per reader (each one expires cached pages), and searches per client address.
// The same machinery as the comment limits (lib/comments/rate-limit.ts): rate-limiter-flexible in
// memory, or in Redis with RATE_LIMIT_STORE=redis (with an in-memory fallback while Redis is down).
// RATE_LIMIT_STORE=database counts these in memory: they have no rows of their own to count.
import "server-only";
import type Redis from "ioredis";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { waitPhrase } from "@/lib/comments/rate-limit";
import { env } from "@/lib/env";
import { consume, limiterStore } from "@/lib/limiter-store";
import { refuse, type Refusal } from "@/lib/result";

export type LimitKind = "vote" | "edit" | "delete" | "report" | "search";

export type LimitRule = { points: number; seconds: number };

const MESSAGES: Record<LimitKind, (rule: LimitRule) => string> = {
  vote: () => "You are voting faster than we allow.",
  edit: () => "You are editing comments faster than we allow.",
  delete: () => "You are deleting comments faster than we allow.",
  report: (r) => `You have sent the most reports we accept in an hour (${r.points}).`,
  search: () => "Too many searches from your address.",
};
/** The limits the environment sets. */
export function configuredRules(): Record<LimitKind, LimitRule> {
  return {
    vote: { points: env.VOTE_LIMIT_PER_MINUTE, seconds: 60 },
    edit: { points: env.EDIT_LIMIT_PER_MINUTE, seconds: 60 },
    delete: { points: env.DELETE_LIMIT_PER_MINUTE, seconds: 60 },
    report: { points: env.REPORT_LIMIT_PER_HOUR, seconds: 3600 },
    search: { points: env.SEARCH_LIMIT_PER_MINUTE, seconds: 60 },
  };
}

export interface KeyedLimiter {
  /** Counts one attempt for `key`: null when it is allowed, a rate_limited refusal when it is not. */
  take(kind: LimitKind, key: string): Promise<Refusal | null>;
  close(): Promise<void>;
}

export type KeyedLimiterOptions = {
  store: "memory" | "redis" | "database";
  rules: Record<LimitKind, LimitRule>;
  redis?: Redis;
  redisUrl?: string;
  keyPrefix?: string;
};

export function createKeyedLimiter(opts: KeyedLimiterOptions): KeyedLimiter {
  const store = limiterStore({
    // No rows of their own to count: the database store counts these in memory.
    store: opts.store === "redis" ? "redis" : "memory",
    prefix: opts.keyPrefix ?? "limits",
    redis: opts.redis,
    redisUrl: opts.redisUrl,
  });
  const limiters = new Map<LimitKind, RateLimiterAbstract>();
  const limiterOf = (kind: LimitKind) => {
    let limiter = limiters.get(kind);
    if (!limiter) {
      const rule = opts.rules[kind];
      limiter = store.make(kind, { points: rule.points, duration: rule.seconds });
      limiters.set(kind, limiter);
    }
    return limiter;
  };
  return {
    async take(kind, key) {
      const refused = await consume(limiterOf(kind), key);
      if (!refused) return null;
      const retryAfterSeconds = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      const message = `${MESSAGES[kind](opts.rules[kind])} You can ${kind} again in ${waitPhrase(refused.msBeforeNext)}.`;
      return refuse("rate_limited", message, { retryAfterSeconds });
    },
    close: () => store.close(),
  };
}

// One limiter per server process (kept across hot reloads in development, as lib/db.ts does).
const holder = globalThis as unknown as { __keyedLimiter?: KeyedLimiter };

/** The limiter configured by the environment. */
function keyedLimiter(): KeyedLimiter {
  holder.__keyedLimiter ??= createKeyedLimiter({
    store: env.RATE_LIMIT_STORE,
    rules: configuredRules(),
    redisUrl: env.REDIS_URL,
  });
  return holder.__keyedLimiter;
}

/** One attempt at `kind` by `key` (a user id, or a client address for searches). */
export function takeLimit(kind: LimitKind, key: string): Promise<Refusal | null> {
  return keyedLimiter().take(kind, key);
}
