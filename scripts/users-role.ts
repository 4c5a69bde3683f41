// npm run users:role -- <email> <READER|MODERATOR|ADMIN>
// Gives an account a role, creating the account when it does not exist yet (it signs in by e-mail link).
import { createPrismaClient } from "../lib/prisma";
import { assignRoleByEmail, parseRoleArgs } from "../lib/moderation/roles";
import { loadEnvFiles } from "./lib/run";

const USAGE = "Usage: npm run users:role -- <email> <READER|MODERATOR|ADMIN>";

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseRoleArgs(args);
  if (typeof parsed === "string") {
    console.error(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  loadEnvFiles();
  const { env } = await import("../lib/env");
  const db = createPrismaClient(env.DATABASE_URL);
  try {
    const change = await assignRoleByEmail(db, parsed.email, parsed.role);
    const what = change.created
      ? `Created ${change.email} as ${change.after}; they sign in with an e-mail link to that address.`
      : change.before === change.after
        ? `${change.email} is already ${change.after}.`
        : `${change.email}: ${change.before} → ${change.after}.`;
    console.log(what);
    return 0;
  } catch (error) {
    const message = (error as Error).message;
    console.error(
      /no such table|does not exist|P2021/i.test(message)
        ? "The database is not migrated yet: run `npm run db:migrate` (or `npm start`) first."
        : `Could not set the role: ${message}`,
    );
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main().then((code) => process.exit(code));
