// Finding a user and reading their record, for /moderation/users. Staff see e-mail addresses here and
// nowhere else.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { providerOf } from "@/lib/prisma";
import { decodeKeyset, olderThan, pageOf } from "@/lib/moderation/cursor";
import { isRefusal, refuse, type Result } from "@/lib/result";
import { listAuditLog, type AuditRecord } from "./audit-log";
import { authorHistories, type AuthorHistory } from "./history";
import { maySanction } from "./sanctions";
import { staffActor } from "./staff";

/** Case-insensitive "contains": SQLite's LIKE already folds ASCII case; PostgreSQL needs ILIKE. */
function containsText(q: string) {
  return providerOf(env.DATABASE_URL) === "postgresql"
    ? ({ contains: q, mode: "insensitive" } as unknown as { contains: string })
    : { contains: q };
}

export type UserRow = {
  id: string;
  name: string | null;
  email: string | null;
  role: string;
  status: string;
  createdAt: Date;
};

export async function searchUsers(
  actorId: string | null,
  options: { q?: string; cursor?: string | null; limit?: number } = {},
): Promise<Result<{ items: UserRow[]; nextCursor: string | null }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const q = (options.q ?? "").trim().slice(0, 100);
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const rows = await db.user.findMany({
    where: {
      ...(q ? { OR: [{ name: containsText(q) }, { email: containsText(q.toLowerCase()) }] } : {}),
      ...olderThan(decodeKeyset(options.cursor)),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, name: true, email: true, role: true, status: true, createdAt: true },
  });
  return { ok: true, ...pageOf(rows, limit) };
}

export type UserDetail = {
  history: AuthorHistory;
  /** Why the viewer may not sanction this user, or null when they may. */
  cannotSanction: string | null;
  canChangeRole: boolean;
  log: AuditRecord[];
};

export async function getUserDetail(
  actorId: string | null,
  userId: string,
): Promise<Result<{ user: UserDetail }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const history = (await authorHistories([userId])).get(userId);
  if (!history) return refuse("not_found", "No such user.");
  const log = await listAuditLog(actorId, { subjectUserId: userId, limit: 20 });
  return {
    ok: true,
    user: {
      history,
      cannotSanction: maySanction(staff, history),
      canChangeRole: staff.role === "ADMIN" && staff.id !== userId,
      log: log.ok ? log.items : [],
    },
  };
}
