// Where the integration suite keeps its databases. Shared by the global setups and per-file setup.
import path from "node:path";

export const TMP_ROOT = path.resolve(__dirname, "../../.tmp/test");

/** Admin URL of the PostgreSQL server under test, with the database swapped for `name`. */
export function pgUrl(name: string): string {
  const url = new URL(process.env.TEST_POSTGRES_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}
