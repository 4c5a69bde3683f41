// What a DATABASE_URL names: which database, and where a SQLite file lives. No driver imports, so
// lib/env.ts (and whatever imports it) can check the setting without loading pg or better-sqlite3.
import path from "node:path";

export type Provider = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/news.db";

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}

/** Absolute path of a SQLite `file:` URL, resolved against the working directory. */
export function sqlitePath(url: string): string {
  const raw = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(raw);
}
