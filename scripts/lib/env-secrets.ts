// Secrets the site needs on every start and every instance, written once to .env.local so restarts,
// rebuilds and the instances of a cluster all share them (`npm start`, `npm run build`, `npm run cluster`).
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./run";

function ensure(name: string, make: () => string, comment: string) {
  if (process.env[name]?.trim()) return;
  const value = make();
  appendFileSync(path.join(ROOT, ".env.local"), `\n# ${comment}\n${name}=${value}\n`);
  process.env[name] = value;
  console.log(`Wrote ${/^[AEIOU]/.test(name) ? "an" : "a"} ${name} to .env.local.`);
}

/** The importer tells the running site which pages changed; the secret they share lives here. */
export const ensureRevalidateSecret = () =>
  ensure(
    "REVALIDATE_SECRET",
    () => randomBytes(24).toString("base64url"),
    "Shared by the site and the importer (POST /api/revalidate); written by npm start.",
  );

/** Signs sessions; one written once keeps readers signed in across restarts. */
export const ensureAuthSecret = () =>
  ensure(
    "AUTH_SECRET",
    () => randomBytes(33).toString("base64"),
    "Signs sign-in sessions (Auth.js); written by npm start. Keep it secret.",
  );

/**
 * Next salts server-action ids with this key and encrypts the actions' bound values with it; the build
 * embeds it. Without one, each build picks its own (and rotates it every 14 days), so a form rendered
 * before a rebuild fails on every action. With one kept here, an action whose file and name did not
 * change keeps its id across builds, and every instance of one build agrees (docs: data-security,
 * "Overwriting encryption keys").
 */
export const ensureActionsKey = () =>
  ensure(
    "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
    () => randomBytes(32).toString("base64"),
    "Server-action ids and encryption (Next.js), the same for every build and instance. Keep it secret.",
  );
