import { rmSync } from "node:fs";

export default async function globalTeardown() {
  if (process.env.TEST_SQLITE_DIR) rmSync(process.env.TEST_SQLITE_DIR, { recursive: true, force: true });
}
