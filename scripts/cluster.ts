// npm run cluster -- [--instances 3] [--port 8080] [--first-port 3001]
// The site as several instances on one machine: one production build (.next-cluster), a PostgreSQL
// database (migrated, and seeded with the demo content when empty), Redis, N `next start` instances on
// consecutive ports and nginx in front with the committed configuration (deploy/nginx). Ctrl-C stops
// them all. README: "Running several instances".
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient, providerOf } from "../lib/prisma";
import { migrate } from "../prisma/migrator";
import { seedIfEmpty } from "../prisma/seed";
import { clusterEnv, reachable, startCluster } from "./lib/cluster";
import { ensureActionsKey, ensureAuthSecret, ensureRevalidateSecret } from "./lib/env-secrets";
import { INSTALL_HINT, nginxBinary } from "./lib/nginx";
import { loadEnvFiles, ROOT } from "./lib/run";

export const CLUSTER_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/newsroom_cluster";
const DIST_DIR = ".next-cluster";
const USAGE = `Usage: npm run cluster -- [--instances 3] [--port 8080] [--first-port 3001]

  --instances N     next start instances (default 3)
  --port P          nginx's port (default 8080)
  --first-port P    the first instance's port; the others follow (default 3001)

  DATABASE_URL      PostgreSQL (default ${CLUSTER_DATABASE_URL})
  REDIS_URL         Redis shared by the instances (default redis://127.0.0.1:6379)`;

function fail(message: string, code = 1): never {
  console.error(`npm run cluster: ${message}`);
  process.exit(code);
}

async function main() {
  const { values } = parseArgs({
    options: {
      instances: { type: "string", default: "3" },
      port: { type: "string", default: "8080" },
      "first-port": { type: "string", default: "3001" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(USAGE);
  const instances = Number(values.instances);
  const port = Number(values.port);
  const firstPort = Number(values["first-port"]);
  if (
    !Number.isInteger(instances) ||
    instances < 1 ||
    instances > 32 ||
    ![port, firstPort].every((p) => Number.isInteger(p) && p > 0 && p < 65536)
  )
    fail(`bad arguments.\n\n${USAGE}`, 2);

  if (!nginxBinary()) fail(`nginx is not installed. On Debian or Ubuntu:\n\n  sudo ${INSTALL_HINT}\n`);

  // The command line's DATABASE_URL / SITE_URL win; .env.local's (a developer's single-site SQLite
  // file, say) do not apply to the cluster.
  const given = { database: process.env.DATABASE_URL, site: process.env.SITE_URL };
  loadEnvFiles();
  ensureRevalidateSecret();
  ensureAuthSecret();
  ensureActionsKey();
  const databaseUrl = given.database || CLUSTER_DATABASE_URL;
  if (providerOf(databaseUrl) !== "postgresql")
    fail(
      "DATABASE_URL must be a postgresql:// URL: the instances share one database, and SQLite is one file.",
    );
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  if (!(await reachable(redisUrl)))
    fail(
      `nothing answers at REDIS_URL ${redisUrl}. Start Redis (apt-get install redis-server) or set REDIS_URL.`,
    );

  console.log(`Database: ${databaseUrl.replace(/\/\/[^@/]*@/, "//…@")}`);
  await migrate(databaseUrl, { log: (line) => console.log(line) }).catch((err: Error) => fail(err.message));
  const db = createPrismaClient(databaseUrl);
  try {
    const seeded = await seedIfEmpty(db);
    if (seeded.seeded) console.log(`Seeded demo content: ${seeded.articles} articles.`);
  } finally {
    await db.$disconnect();
  }

  const env = clusterEnv({
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SITE_URL: given.site || `http://localhost:${port}`,
  });
  const cluster = await startCluster({
    instances,
    port,
    firstPort,
    env,
    distDir: DIST_DIR,
    nginxDir: path.join(ROOT, ".tmp", "cluster", "nginx"),
    output: "inherit",
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping nginx and the instances…");
    await cluster.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  console.log(`\nThe site: ${env.SITE_URL} (nginx on port ${port}, config in .tmp/cluster/nginx/)`);
  for (const it of cluster.instances) {
    const health = await fetch(`${it.url}/api/health`)
      .then((r) => r.text())
      .catch((e: Error) => e.message);
    console.log(`  ${it.name}  ${it.url}  pid ${it.process.pid}  ${health.trim()}`);
  }
  console.log("Ctrl-C stops them all.");
  for (const it of [...cluster.instances.map((i) => i.process), cluster.nginx])
    it.once("exit", (code) => {
      if (stopping) return;
      console.error(`A process of the cluster exited (code ${code}); stopping the rest.`);
      void stop(1);
    });
}

main().catch((error: Error) => fail(error.message));
