// Builders for readers, sessions and comments, written straight to a database with defaults overridable
// field by field. Used by the tests, the comment benchmark, and by the seed when it wants demo threads.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/prisma";
import type { Prisma } from "@/lib/generated/sqlite/client";

let counter = 0;
const next = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

export type BuiltUser = { id: string; name: string | null };

export async function buildUser(
  db: PrismaClient,
  overrides: Partial<Prisma.UserUncheckedCreateInput> = {},
): Promise<BuiltUser> {
  const n = next();
  return db.user.create({
    data: { name: `Reader ${n}`, email: `reader-${n}@example.test`, emailVerified: new Date(), ...overrides },
    select: { id: true, name: true },
  });
}

/** A database session for the user, as Auth.js stores it; the token is the session cookie's value. */
export async function buildSession(db: PrismaClient, userId: string, days = 30): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({
    data: { sessionToken, userId, expires: new Date(Date.now() + days * 86_400_000) },
  });
  return sessionToken;
}

export async function buildComment(
  db: PrismaClient,
  data: { articleId: string; authorId: string | null } & Partial<Prisma.CommentUncheckedCreateInput>,
): Promise<{ id: string }> {
  return db.comment.create({ data: { body: `A comment, number ${next()}.`, ...data }, select: { id: true } });
}
