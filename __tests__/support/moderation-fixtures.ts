// Builders for the moderation tests: a story, the seven kinds of actor, and comments inserted directly
// (the comment-writes DAL is not what these tests are about).
import { createPrismaClient } from "@/lib/prisma";
import { importArticle } from "@/lib/stories/importer/import";
import { buildArticleInput } from "@/lib/stories/importer/builders";

export type Db = ReturnType<typeof createPrismaClient>;

export function testDb(): Db {
  return createPrismaClient(process.env.DATABASE_URL!);
}

let n = 0;
export async function makeStory(db: Db, overrides: Parameters<typeof buildArticleInput>[0] = {}) {
  n += 1;
  return (
    await importArticle(
      db,
      buildArticleInput({ slug: `mod-story-${n}-${Date.now().toString(36)}`, ...overrides }),
    )
  ).id;
}

type UserData = {
  name?: string;
  role?: "READER" | "MODERATOR" | "ADMIN";
  status?: "ACTIVE" | "SUSPENDED" | "BANNED";
  suspendedUntil?: Date | null;
  premoderate?: boolean;
  shadowBanned?: boolean;
  createdAt?: Date;
};
export async function makeUser(db: Db, data: UserData = {}) {
  n += 1;
  return (
    await db.user.create({
      data: { name: `User ${n}`, email: `user${n}-${Date.now()}@example.test`, ...data },
    })
  ).id;
}

export async function makeComment(
  db: Db,
  data: {
    articleId: string;
    authorId: string | null;
    body?: string;
    status?: "PUBLISHED" | "PENDING" | "REJECTED" | "SPAM" | "DELETED";
    createdAt?: Date;
    parentId?: string;
    depth?: number;
    reportCount?: number;
    moderationReason?: string;
  },
) {
  n += 1;
  return (await db.comment.create({ data: { body: `Comment ${n}`, ...data } })).id;
}

/** The seven actors of the authorization matrix. */
export async function makeCast(db: Db) {
  const hour = 3_600_000;
  return {
    anonymous: null,
    banned: await makeUser(db, { name: "Banned Reader", status: "BANNED" }),
    suspended: await makeUser(db, {
      name: "Suspended Reader",
      status: "SUSPENDED",
      suspendedUntil: new Date(Date.now() + 24 * hour),
    }),
    reader: await makeUser(db, { name: "Reader" }),
    otherReader: await makeUser(db, { name: "Other Reader" }),
    moderator: await makeUser(db, { name: "Moderator", role: "MODERATOR" }),
    admin: await makeUser(db, { name: "Admin", role: "ADMIN" }),
  };
}

export async function auditRows(db: Db, where: object = {}) {
  return db.auditLog.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
