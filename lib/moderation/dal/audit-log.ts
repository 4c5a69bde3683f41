// Reading the audit log: staff only, newest first, filtered and keyset-paginated. Writing it is
// lib/moderation/dal/audit.ts (append-only, in each decision's own transaction).
import "server-only";
import { db } from "@/lib/db";
import { decodeKeyset, olderThan, pageOf } from "@/lib/moderation/cursor";
import { isRefusal, type Result } from "@/lib/result";
import { staffActor } from "./staff";

export type AuditRecord = {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  subjectUserId: string | null;
  articleId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  note: string | null;
  createdAt: Date;
};

export type AuditFilter = {
  actorId?: string;
  subjectUserId?: string;
  articleId?: string;
  action?: string;
  cursor?: string | null;
  limit?: number;
};

/** Newest first, filtered by moderator, user, story or action; keyset-paginated. Staff only. */
export async function listAuditLog(
  actorId: string | null,
  filter: AuditFilter = {},
): Promise<Result<{ items: AuditRecord[]; nextCursor: string | null }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = await db.auditLog.findMany({
    where: {
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.subjectUserId ? { subjectUserId: filter.subjectUserId } : {}),
      ...(filter.articleId ? { articleId: filter.articleId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...olderThan(decodeKeyset(filter.cursor)),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return { ok: true, ...pageOf(rows, limit) };
}

/** The actions the log holds, for the filter's select. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.auditLog.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
