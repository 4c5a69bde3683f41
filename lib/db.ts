// The app's one Prisma client, chosen by DATABASE_URL. Only lib/<domain>/dal/ imports it (ESLint).
import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma";
import { env } from "./env";

// Reuse one client across hot reloads in development instead of leaking a connection pool each time.
const globalForDb = globalThis as unknown as { __newsroomDb?: PrismaClient };

export const db: PrismaClient = globalForDb.__newsroomDb ?? createPrismaClient(env.DATABASE_URL);

if (env.NODE_ENV !== "production") globalForDb.__newsroomDb = db;
