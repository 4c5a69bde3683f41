// How many comments a reader may post: COMMENT_LIMIT_PER_MINUTE and COMMENT_LIMIT_PER_DAY, counted
// where RATE_LIMIT_STORE says. "memory" suits one server process; "redis" shares the counts between
// instances (rate-limiter-flexible + ioredis, with an in-memory fallback while Redis is unreachable);
// "database" counts the reader's own rows in the Comment table inside the transaction that adds the
// next one, so it is exact across instances and needs no table or service of its own.
import "server-only";
import type Redis from "ioredis";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { PrismaClient } from "@/lib/prisma";
import { db as appDb } from "@/lib/db";
import { env } from "@/lib/env";
import { consume as take, limiterStore } from "@/lib/limiter-store";

type RateLimitStore = "memory" | "redis" | "database";
/** A Prisma client or the transaction a write runs in. */
type WriteClient = Prisma.TransactionClient;

type RateLimited = { ok: false; retryAfterMs: number; message: string };
type LimitOutcome<T> = { ok: true; value: T } | RateLimited;

export interface CommentRateLimiter {
  readonly store: RateLimitStore;
  /**
   * Runs `write` if the user is under both limits, counting one comment against them. A write that throws
   * gives its place back. With the database store, `write` runs inside the counting transaction.
   */
  withinLimit<T>(userId: string, write: (client: WriteClient) => Promise<T>): Promise<LimitOutcome<T>>;
  close(): Promise<void>;
}

export type RateLimitOptions = {
  store: RateLimitStore;
  perMinute: number;
  perDay: number;
  /** For the redis store: a client to use (the caller closes it) or a URL to connect to. */
  redis?: Redis;
  redisUrl?: string;
  /** Separates the counters of different sites or test runs sharing one Redis. */
  keyPrefix?: string;
  db?: PrismaClient;
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** "40 seconds", "3 minutes", "5 hours": rounded up, so waiting that long always suffices. */
export function waitPhrase(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds <= 60) return unit(seconds, "second");
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return unit(minutes, "minute");
  return unit(Math.ceil(minutes / 60), "hour");
}

function limited(window: "minute" | "day", limit: number, retryAfterMs: number): RateLimited {
  const what =
    window === "minute"
      ? "You are posting faster than we allow."
      : `You have reached the limit of ${limit} comments a day.`;
  return { ok: false, retryAfterMs, message: `${what} You can post again in ${waitPhrase(retryAfterMs)}.` };
}

function pointsLimiter(
  store: "memory" | "redis",
  minute: RateLimiterAbstract,
  day: RateLimiterAbstract,
  opts: RateLimitOptions,
  close: () => Promise<void>,
): CommentRateLimiter {
  const db = opts.db ?? appDb;
  return {
    store,
    close,
    async withinLimit(userId, write) {
      const perMinute = await take(minute, userId);
      if (perMinute) return limited("minute", opts.perMinute, perMinute.msBeforeNext);
      const perDay = await take(day, userId);
      if (perDay) {
        await minute.reward(userId, 1);
        return limited("day", opts.perDay, perDay.msBeforeNext);
      }
      try {
        return { ok: true, value: await write(db) };
      } catch (err) {
        await Promise.all([minute.reward(userId, 1), day.reward(userId, 1)]).catch(() => undefined);
        throw err;
      }
    },
  };
}

/** Memory or Redis: rate-limiter-flexible's two windows (lib/limiter-store.ts). */
function pointsStoreLimiter(store: "memory" | "redis", opts: RateLimitOptions): CommentRateLimiter {
  const counts = limiterStore({
    store,
    prefix: opts.keyPrefix ?? "comments",
    redis: opts.redis,
    redisUrl: opts.redisUrl,
  });
  return pointsLimiter(
    store,
    counts.make("minute", { points: opts.perMinute, duration: 60 }),
    counts.make("day", { points: opts.perDay, duration: 86_400 }),
    opts,
    () => counts.close(),
  );
}

function databaseLimiter(opts: RateLimitOptions): CommentRateLimiter {
  const db = opts.db ?? appDb;
  const windows = [
    { name: "minute" as const, limit: opts.perMinute, ms: MINUTE },
    { name: "day" as const, limit: opts.perDay, ms: DAY },
  ];
  return {
    store: "database",
    close: async () => undefined,
    withinLimit: (userId, write) =>
      db.$transaction(
        async (tx): Promise<LimitOutcome<Awaited<ReturnType<typeof write>>>> => {
          // Serialises one reader's posts between count and insert: a row lock on PostgreSQL, the
          // database write lock on SQLite. Other readers are not held up on PostgreSQL.
          await tx.$executeRaw`UPDATE "User" SET "status" = "status" WHERE "id" = ${userId}`;
          const now = Date.now();
          for (const w of windows) {
            const where = { authorId: userId, createdAt: { gt: new Date(now - w.ms) } };
            const count = await tx.comment.count({ where });
            if (count < w.limit) continue;
            // The window frees a place when the comment that puts the reader over the limit ages out.
            const pivot = await tx.comment.findFirst({
              where,
              orderBy: { createdAt: "asc" },
              skip: count - w.limit,
              select: { createdAt: true },
            });
            return limited(w.name, w.limit, (pivot?.createdAt.getTime() ?? now) + w.ms - now);
          }
          return { ok: true, value: await write(tx) };
        },
        { maxWait: 10_000, timeout: 15_000 },
      ),
  };
}

export function createCommentRateLimiter(opts: RateLimitOptions): CommentRateLimiter {
  return opts.store === "database" ? databaseLimiter(opts) : pointsStoreLimiter(opts.store, opts);
}

// One limiter per server process (kept across hot reloads in development, as lib/db.ts does).
const holder = globalThis as unknown as { __commentRateLimiter?: CommentRateLimiter };

/** The limiter configured by the environment. */
export function commentRateLimiter(): CommentRateLimiter {
  holder.__commentRateLimiter ??= createCommentRateLimiter({
    store: env.RATE_LIMIT_STORE,
    perMinute: env.COMMENT_LIMIT_PER_MINUTE,
    perDay: env.COMMENT_LIMIT_PER_DAY,
    redisUrl: env.REDIS_URL,
  });
  return holder.__commentRateLimiter;
}
