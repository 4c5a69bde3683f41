import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { migrate } from "../../prisma/migrator";
import { pgUrl } from "./test-dbs";

/**
 * Creates this run's base database and migrates it. Each test file then gets a fresh clone of it
 * (CREATE DATABASE … TEMPLATE, in per-file-db.ts); teardown drops everything with the run's prefix.
 */
export default async function globalSetup() {
  const run = `newsroom_test_hcluster_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const base = `${run}_base`;
  const admin = new Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${base}"`);
  } finally {
    await admin.end();
  }
  await migrate(pgUrl(base));
  process.env.TEST_PG_RUN = run;
}
