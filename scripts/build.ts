// `npm run build`: the Next.js production build, stamped so `npm start` knows it is current.
// Pages are prerendered from the database, so its schema is brought up to date first.
import { migrate } from "../prisma/migrator";
import { DEFAULT_DATABASE_URL } from "../lib/prisma";
import { buildFingerprint, recordBuild } from "./lib/build-state";
import { ensureActionsKey } from "./lib/env-secrets";
import { loadEnvFiles, runBin } from "./lib/run";

export async function build(): Promise<number> {
  process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
  // Before the fingerprint: a build made with another key has other action ids.
  ensureActionsKey();
  await migrate(process.env.DATABASE_URL);
  const fingerprint = await buildFingerprint();
  const code = await runBin("next", ["build"]);
  if (code === 0) recordBuild(fingerprint);
  return code;
}

if (require.main === module) {
  loadEnvFiles();
  build().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`npm run build: ${error.message}`);
      process.exit(1);
    },
  );
}
