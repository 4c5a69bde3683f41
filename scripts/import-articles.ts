// npm run articles:import -- [--section "World"] [--author "Jane Doe"] <files or directories…>
// Imports .md (front matter) and .txt (saved news page) files; see lib/stories/importer/parse.ts.
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/prisma";
import { collectFiles, importFiles } from "../lib/stories/importer/import";
import {
  describeNotify,
  notifySite,
  notifyWarning,
  SITE_NOT_TOLD_EXIT,
} from "../lib/stories/importer/notify-site";
import { loadEnvFiles } from "./lib/run";

const USAGE = `Usage: npm run articles:import -- [--section "World"] [--author "Jane Doe"] <files or directories…>

  --section NAME   section for files that do not name one (default "News")
  --author NAME    byline for files that do not name one (default "Staff")
  --no-site        no site is running yet (seeding before the first start): do not tell one

Directories are searched recursively for .md and .txt files.

Exit status: 0 imported and the running site (SITE_URL) told; 1 some files failed; 2 usage error;
3 imported, but the running site could not be told (it shows the old pages for up to 5 minutes).`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        section: { type: "string" },
        author: { type: "string" },
        "no-site": { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`No files given.\n\n${USAGE}`);
    return 2;
  }

  const files = await collectFiles(positionals);
  if (files.length === 0) {
    console.error(`No .md or .txt files found in: ${positionals.join(", ")}`);
    return 1;
  }

  // Loaded here, not at the top, so --help and usage errors work without a valid environment.
  loadEnvFiles();
  const { env } = await import("../lib/env");
  const { migrate } = await import("../prisma/migrator");
  await migrate(env.DATABASE_URL, { log: (line) => console.log(line) });

  const db = createPrismaClient(env.DATABASE_URL);
  try {
    const summary = await importFiles(db, files, {
      defaults: { section: values.section, author: values.author },
      onProgress: (line) => console.log(line),
    });
    const failed = summary.failed.length;
    console.log(
      `\nDone: ${summary.imported} imported, ${summary.updated} updated, ${failed} failed (of ${files.length}).`,
    );
    let warning: string | null = null;
    if (summary.cacheTags.length > 0 && !values["no-site"]) {
      const outcome = await notifySite(env.SITE_URL, env.REVALIDATE_SECRET, summary.cacheTags);
      console.log(describeNotify(env.SITE_URL, outcome));
      warning = notifyWarning(env.SITE_URL, outcome);
      if (warning) console.error(warning);
    }
    if (failed > 0) {
      console.error(`\nThese files were not imported:`);
      for (const { message } of summary.failed) console.error(`  ${message}`);
      return 1;
    }
    return warning ? SITE_NOT_TOLD_EXIT : 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Configuration and migration problems: one clear paragraph, no stack trace.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
