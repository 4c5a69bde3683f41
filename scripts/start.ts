// `npm start`: migrate, seed an empty database, build when the sources changed, then serve.
import { performance } from "node:perf_hooks";
import { migrate } from "../prisma/migrator";
import { seedIfEmpty } from "../prisma/seed";
import { createPrismaClient, DEFAULT_DATABASE_URL, providerOf } from "../lib/prisma";
import { buildIsCurrent } from "./lib/build-state";
import { build } from "./build";
import { ensureActionsKey, ensureAuthSecret, ensureRevalidateSecret } from "./lib/env-secrets";
import { loadEnvFiles, runBin } from "./lib/run";
import { serverMemoryEnv } from "./lib/server-memory";

function fail(message: string): never {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

async function main() {
  const started = performance.now();
  loadEnvFiles();
  ensureRevalidateSecret();
  ensureAuthSecret();
  ensureActionsKey();
  // The site's own validation, before minutes of migrating and building: a public SITE_URL without
  // EMAIL_SERVER, for one, stops here with the fix in the message.
  await import("../lib/env").catch((err: Error) => fail(err.message));
  if (!process.env.EMAIL_SERVER?.trim())
    console.warn("EMAIL_SERVER is not set: sign-in links are written to this log instead of being mailed.");
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    providerOf(url);
  } catch (err) {
    fail((err as Error).message);
  }

  const { applied } = await migrate(url, { log: (line) => console.log(line) }).catch((err: Error) =>
    fail(err.message),
  );
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");

  const db = createPrismaClient(url);
  try {
    const seeded = await seedIfEmpty(db);
    if (seeded.seeded) console.log(`Seeded demo content: ${seeded.articles} articles.`);
  } finally {
    await db.$disconnect();
  }

  if (await buildIsCurrent()) {
    console.log("Production build is current; skipping the build.");
  } else {
    console.log("Building the site (first start, or the sources, the database or its content changed)…");
    const code = await build();
    if (code !== 0) fail("the build failed; see the output above.");
  }

  const port = process.env.PORT || "3000";
  console.log(
    `Ready after ${((performance.now() - started) / 1000).toFixed(1)} s of preparation. Serving on http://localhost:${port}`,
  );
  const code = await runBin("next", ["start", "-p", port], serverMemoryEnv(process.env));
  process.exit(code);
}

main().catch((err: Error) => fail(err.message));
