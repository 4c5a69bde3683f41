// `tsx prisma/cli.ts <command>`: the offline stand-in for the Prisma CLI's migrate commands.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  createMigration,
  generateClients,
  migrate,
  MigrationError,
  reset,
  resolveRolledBack,
  status,
} from "./migrator";

const USAGE = `Usage: tsx prisma/cli.ts <command>
  generate                    derive prisma/postgres/schema.prisma and generate both clients
  migrate                     apply pending migrations to DATABASE_URL (creating the database)
  migration:new <name>        write the next migration for SQLite and PostgreSQL
      [--postgres-url <url>]  server for the temporary PostgreSQL database (default TEST_POSTGRES_URL
                              or postgresql://postgres@127.0.0.1:5432/postgres)
  status                      list applied, pending, failed and edited migrations
  reset                       drop everything in DATABASE_URL and re-apply all migrations
  resolve <name>              mark a failed migration rolled back so migrate retries it`;

for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);

const say = (line: string) => console.log(line);

async function databaseUrl(): Promise<string> {
  // Loaded lazily: lib/prisma.ts needs the generated clients, which `generate` creates.
  const { DEFAULT_DATABASE_URL } = await import("../lib/prisma");
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

const where = (url: string) => url.replace(/\/\/[^@/]*@/, "//…@");

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { "postgres-url": { type: "string" } },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case "generate":
      return generateClients();
    case "migrate": {
      const url = await databaseUrl();
      const { applied } = await migrate(url, { log: say });
      return say(
        applied.length
          ? `${where(url)}: applied ${applied.length} migration(s).`
          : `${where(url)}: already up to date.`,
      );
    }
    case "migration:new": {
      await createMigration(rest.join("_"), { postgresUrl: values["postgres-url"], log: say });
      return;
    }
    case "status": {
      const url = await databaseUrl();
      const s = await status(url);
      say(`${where(url)} (${s.provider}): ${s.applied.length} applied, ${s.pending.length} pending.`);
      for (const name of s.pending) say(`  pending  ${name}`);
      for (const name of s.failed) say(`  FAILED   ${name}`);
      for (const name of s.edited) say(`  EDITED   ${name} (changed since it was applied)`);
      if (s.failed.length || s.edited.length) process.exitCode = 1;
      return;
    }
    case "reset": {
      const url = await databaseUrl();
      const { applied } = await reset(url, { log: say });
      return say(`${where(url)}: reset, applied ${applied.length} migration(s).`);
    }
    case "resolve": {
      if (!rest[0]) throw new MigrationError("Name the failed migration: resolve <name>.");
      await resolveRolledBack(await databaseUrl(), rest[0]);
      return say(`Marked ${rest[0]} rolled back; run migrate to apply it again.`);
    }
    default:
      console.error(USAGE);
      process.exitCode = command ? 1 : 0;
  }
}

main(process.argv.slice(2))
  .catch((e: unknown) => {
    const message = String((e as Error)?.message ?? e).split(/\n\s+0: /)[0];
    console.error(process.env.DEBUG ? e : `Error: ${message}`);
    process.exitCode = 1;
  })
  // Exit even if a driver left a socket open: a command is done when its promise settles.
  .finally(() => process.exit());
