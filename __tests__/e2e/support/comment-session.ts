// Signs a browser context in as a fresh reader without the magic-link round trip (signin.spec.ts
// covers that): a User and a Session row straight into the suite's database (scripts/e2e-server.ts),
// and Auth.js's session cookie carrying the token.
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "../../../lib/prisma";

const DB_FILE = path.join(__dirname, "..", "..", "..", ".tmp", process.env.E2E_DB_DIR || "e2e", "e2e.db");

let client: PrismaClient | null = null;
/** The suite's database, as the server under test sees it (E2E_DATABASE_URL: a PostgreSQL run). */
export function e2eDb(): PrismaClient {
  client ??= createPrismaClient(process.env.E2E_DATABASE_URL || `file:${DB_FILE}`);
  return client;
}

export type Reader = { id: string; name: string };

export async function signInAs(
  context: BrowserContext,
  baseURL: string,
  name: string,
  extra: { status?: "ACTIVE" | "SUSPENDED" | "BANNED"; suspendedUntil?: Date } = {},
): Promise<Reader> {
  const db = e2eDb();
  const user = await db.user.create({ data: { name, ...extra } });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({
    data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 24 * 3600 * 1000) },
  });
  await context.addCookies([
    { name: "authjs.session-token", value: sessionToken, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
  return { id: user.id, name };
}

/** Story text that no other run or spec will write. */
export const unique = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;
