// The one place the environment is read and validated; everything else imports `env`.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, providerOf } from "./prisma";

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
  SITE_URL: z.url().default("http://localhost:3000"),
  /** Bearer secret for POST /api/revalidate (the importer's cache invalidation); unset disables it. */
  REVALIDATE_SECRET: z.string().trim().min(16, "must be at least 16 characters").optional(),
  SITE_NAME: z.string().trim().min(1).default("The Port Alder Courier"),
  /** Signs Auth.js cookies and tokens; required in production (npm start writes one to .env.local). */
  AUTH_SECRET: optionalString(z.string().min(32, "must be at least 32 characters (openssl rand -base64 33)")),
  /** SMTP URL for magic-link mail, e.g. smtp://user:pass@mail.example.com:587; unset logs the link. */
  EMAIL_SERVER: optionalString(z.string()),
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
   * Comma-separated addresses of the reverse proxies in front of the site, whose X-Forwarded-For
   * entries are believed (lib/client-ip.ts). Unset: the site faces readers directly.
   */
  TRUSTED_PROXIES: optionalString(z.string()),
  /** Where the comment limits are counted: one process (memory), Redis (REDIS_URL) or the database. */
  RATE_LIMIT_STORE: z.enum(["memory", "redis", "database"]).default("memory"),
  REDIS_URL: optionalString(z.string()),
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

export type Env = z.infer<typeof schema>;

const checked = schema.superRefine((e, ctx) => {
  if (e.RATE_LIMIT_STORE === "redis" && !e.REDIS_URL)
    ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "is required when RATE_LIMIT_STORE=redis" });
  if (Boolean(e.AUTH_OIDC_ID) !== Boolean(e.AUTH_OIDC_ISSUER) || Boolean(e.AUTH_OIDC_ID) !== Boolean(e.AUTH_OIDC_SECRET))
    ctx.addIssue({
      code: "custom",
      path: ["AUTH_OIDC_ISSUER"],
      message: "AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together",
    });
});

function load(): Env {
  const parsed = checked.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example.`);
  }
  return parsed.data;
}

export const env = load();
