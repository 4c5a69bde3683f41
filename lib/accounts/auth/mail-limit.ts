// How many sign-in mails may go out: 3 per address per 15 minutes and 20 per client IP address per
// hour, counted in memory or in Redis (shared by several servers). The database store cannot count
// mails (no row is written per mail), so with RATE_LIMIT_STORE=database these use Redis when
// REDIS_URL is set, else memory.
import "server-only";
import { createHash } from "node:crypto";
import type Redis from "ioredis";
import { env, type Env } from "../../env";
import { consume, limiterStore } from "../../limiter-store";
import { UNKNOWN_CLIENT } from "../../http/client-ip";

export const MAILS_PER_ADDRESS = { points: 3, duration: 15 * 60 };
export const MAILS_PER_IP = { points: 20, duration: 60 * 60 };

/** One count per mailbox: trimmed, lower-cased, without a +tag ("Reader+x@Example.com" → "reader@example.com"). */
export function mailLimitKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  const local = address.slice(0, at);
  const untagged = local.split("+")[0];
  return `${untagged || local}${address.slice(at)}`;
}

/** How logs name an address: a short hash of its limit key, never the address itself. */
export function addressTag(email: string): string {
  return `sha256:${createHash("sha256").update(mailLimitKey(email)).digest("hex").slice(0, 12)}`;
}

export type MailVerdict = { ok: true } | { ok: false; limit: "address" | "ip" };

export interface SignInMailLimiter {
  readonly store: "memory" | "redis";
  /** Counts one mail to `email` asked for from `ip`; refuses when either count is spent. */
  take(email: string, ip: string): Promise<MailVerdict>;
  close(): Promise<void>;
}

export type SignInMailLimiterOptions = {
  store: "memory" | "redis";
  /** For the redis store: a client to use (the caller closes it) or a URL to connect to. */
  redis?: Redis;
  redisUrl?: string;
  /** Separates the counters of different sites or test runs sharing one Redis. */
  keyPrefix?: string;
};

/** The store the environment selects for sign-in mail limits. */
export function signInMailStore(e: Pick<Env, "RATE_LIMIT_STORE" | "REDIS_URL">): "memory" | "redis" {
  if (e.RATE_LIMIT_STORE === "database") return e.REDIS_URL ? "redis" : "memory";
  return e.RATE_LIMIT_STORE;
}

const spent = async (limiter: Parameters<typeof consume>[0], key: string) =>
  (await consume(limiter, key)) !== null;

export function createSignInMailLimiter(opts: SignInMailLimiterOptions): SignInMailLimiter {
  const store = limiterStore({
    store: opts.store,
    prefix: opts.keyPrefix ?? "signin-mail",
    redis: opts.redis,
    redisUrl: opts.redisUrl,
  });
  const address = store.make("address", MAILS_PER_ADDRESS);
  const ip = store.make("ip", MAILS_PER_IP);
  const close = () => store.close();
  return {
    store: opts.store,
    close,
    async take(email, clientIp) {
      const key = mailLimitKey(email);
      if (await spent(address, key)) return { ok: false, limit: "address" };
      // An unknown client is not one bucket for everyone: that would let anyone stop all sign-in mail.
      if (clientIp !== UNKNOWN_CLIENT && (await spent(ip, clientIp))) {
        // The mail is not sent, so it does not count against the address.
        await address.reward(key, 1);
        return { ok: false, limit: "ip" };
      }
      return { ok: true };
    },
  };
}

// One limiter per server process (kept across hot reloads in development, as lib/db.ts does).
const holder = globalThis as unknown as { __signInMailLimiter?: SignInMailLimiter };

/** The limiter configured by the environment. */
export function signInMailLimiter(): SignInMailLimiter {
  holder.__signInMailLimiter ??= createSignInMailLimiter({
    store: signInMailStore(env),
    redisUrl: env.REDIS_URL,
  });
  return holder.__signInMailLimiter;
}
