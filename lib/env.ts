// The one place the environment is read and validated; everything else imports `env`.
import { isIP } from "node:net";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, providerOf } from "./database-url";

/** An unset or empty variable is "not configured" (.env files often carry `NAME=`). */
function optionalString<T extends z.ZodType<string>>(inner: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), inner.optional());
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => {
      try {
        providerOf(url);
        return true;
      } catch {
        return false;
      }
    }, 'must start with "file:" (SQLite) or "postgresql://" (PostgreSQL)'),
  /**
   * The site's origin. A path ("https://example.org/news") is refused: every page, form and fetch
   * is served from the root of its host, so the site needs its own host name (news.example.org).
   */
  SITE_URL: z
    .url()
    .default("http://localhost:3000")
    .refine(
      (url) => {
        const u = new URL(url);
        return u.pathname === "/" && !u.search && !u.hash;
      },
      {
        error: (issue) =>
          `must be an origin such as https://news.example.org, without a path (got ${JSON.stringify(issue.input)}): ` +
          "the site is served from the root of its host name, so give it a host name of its own",
      },
    ),
  /** Bearer secret for POST /api/revalidate (the importer's cache invalidation); unset disables it. */
  REVALIDATE_SECRET: z.string().trim().min(16, "must be at least 16 characters").optional(),
  SITE_NAME: z.string().trim().min(1).default("The Port Alder Courier"),
  /** Signs Auth.js cookies and tokens; required in production (npm start writes one to .env.local). */
  AUTH_SECRET: optionalString(z.string().min(32, "must be at least 32 characters (openssl rand -base64 33)")),
  /**
   * SMTP URL for magic-link mail, e.g. smtp://user:pass@mail.example.com:587. Unset, the link is logged:
   * allowed on a loopback SITE_URL, or elsewhere only with AUTH_LOG_LINKS=1 (see the rule below).
   */
  EMAIL_SERVER: optionalString(z.string()),
  /** "1": write sign-in links to the log on a public SITE_URL without EMAIL_SERVER, on purpose. */
  AUTH_LOG_LINKS: optionalString(z.enum(["0", "1"], 'must be "1" (log sign-in links) or "0"')).transform(
    (v) => v === "1",
  ),
  EMAIL_FROM: z.string().trim().min(3).default("The Port Alder Courier <no-reply@localhost>"),
  AUTH_GITHUB_ID: optionalString(z.string()),
  AUTH_GITHUB_SECRET: optionalString(z.string()),
  AUTH_GOOGLE_ID: optionalString(z.string()),
  AUTH_GOOGLE_SECRET: optionalString(z.string()),
  /** Any OpenID Connect provider (Keycloak, Authentik, Okta…): shown when issuer, id and secret are set. */
  AUTH_OIDC_ISSUER: optionalString(z.url()),
  AUTH_OIDC_ID: optionalString(z.string()),
  AUTH_OIDC_SECRET: optionalString(z.string()),
  AUTH_OIDC_NAME: z.string().trim().min(1).default("Single sign-on"),
  /** Per-user comment limits. */
  COMMENT_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  COMMENT_LIMIT_PER_DAY: z.coerce.number().int().min(1).default(50),
  /**
   * Per-user limits on the other comment writes (each expires cached pages), and per-IP searches. With
   * RATE_LIMIT_STORE=database these are counted in memory (per server process).
   */
  VOTE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  EDIT_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  DELETE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  REPORT_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(10),
  SEARCH_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /**
   * Where the comment limits are counted: one process (memory), Redis (REDIS_URL) or the database.
   * Unset, Redis when REDIS_URL is set, else memory. Sign-in mail limits never use the database.
   */
  RATE_LIMIT_STORE: optionalString(z.enum(["memory", "redis", "database"])),
  REDIS_URL: optionalString(z.string()),
  /**
   * Read by cache-handlers/redis.js itself (Next loads the cache handlers outside the app's bundles),
   * validated here: the prefix of this site's Redis keys, and how long a Redis command may take
   * before its caller goes on without Redis.
   */
  REDIS_KEY_PREFIX: optionalString(z.string().max(100)),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).optional(),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (lib/http/client-ip.ts): addresses or CIDR ranges,
   * comma-separated, e.g. 127.0.0.1,::1 or 10.0.0.0/8. Empty trusts none.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrRange), "must be IP addresses or CIDR ranges, comma-separated"),
  /** IANA zone in which dates are shown to readers. */
  SITE_TIMEZONE: z
    .string()
    .default("UTC")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Europe/London"),
});

function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split("/");
  const family = isIP(address ?? "");
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/** localhost, 127.0.0.0/8 or ::1: a site only this machine can reach. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1") return true;
  return isIP(host) === 4 && host.startsWith("127.");
}

/**
 * Without a mail server sign-in links, an administrator's included, go to the log: fine on a loopback
 * site, a leak on a public one unless the operator asked for it. The build only needs values to load.
 */
export function mailConfigProblem(e: {
  SITE_URL: string;
  EMAIL_SERVER?: string;
  AUTH_LOG_LINKS: boolean;
}): string | null {
  if (e.EMAIL_SERVER || e.AUTH_LOG_LINKS || isLoopbackUrl(e.SITE_URL)) return null;
  if (process.env.NEXT_PHASE === "phase-production-build") return null;
  return (
    `is not set, and SITE_URL (${e.SITE_URL}) is not a loopback address, so sign-in links would be ` +
    "written to the log. Set EMAIL_SERVER to an SMTP URL (smtp://user:password@mail.example.com:587), " +
    "or set AUTH_LOG_LINKS=1 if writing the links to the log is really what you want"
  );
}

const checked = schema
  .superRefine((e, ctx) => {
    const mail = mailConfigProblem(e);
    if (mail) ctx.addIssue({ code: "custom", path: ["EMAIL_SERVER"], message: mail });
    if (e.RATE_LIMIT_STORE === "redis" && !e.REDIS_URL)
      ctx.addIssue({
        code: "custom",
        path: ["REDIS_URL"],
        message: "is required when RATE_LIMIT_STORE=redis",
      });
    if (
      Boolean(e.AUTH_OIDC_ID) !== Boolean(e.AUTH_OIDC_ISSUER) ||
      Boolean(e.AUTH_OIDC_ID) !== Boolean(e.AUTH_OIDC_SECRET)
    )
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_OIDC_ISSUER"],
        message: "AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together",
      });
  })
  .transform((e) => {
    const store: RateLimitStore = e.RATE_LIMIT_STORE ?? (e.REDIS_URL ? "redis" : "memory");
    return { ...e, RATE_LIMIT_STORE: store };
  });

type RateLimitStore = "memory" | "redis" | "database";

export type Env = z.output<typeof checked>;

function load(): Env {
  const parsed = checked.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example.`);
  }
  return parsed.data;
}

export const env = load();
