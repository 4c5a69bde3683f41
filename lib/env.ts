// The one place the environment is read and validated; everything else imports `env`.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, providerOf } from "./prisma";

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

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example.`);
  }
  return parsed.data;
}

export const env = load();
