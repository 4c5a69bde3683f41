// A commenter's record as moderators see it beside each queued comment and on the user page.
import "server-only";
import { db } from "@/lib/db";
import { standingOf } from "@/lib/moderation/standing";

export type AuthorHistory = {
  id: string;
  name: string | null;
  email: string | null;
  role: "READER" | "MODERATOR" | "ADMIN";
  joinedAt: Date;
  comments: number;
  published: number;
  pending: number;
  rejected: number;
  spam: number;
  /** Reports other readers filed against their comments, resolved or not. */
  reportsReceived: number;
  /** Sanctions in force, in words: "Suspended until …", "Banned", "Pre-moderated", "Shadow-banned". */
  sanctions: {
    kind: "suspend" | "ban" | "premoderate" | "shadowban";
    until: Date | null;
    reason: string | null;
  }[];
};

export async function authorHistories(
  userIds: string[],
  now: Date = new Date(),
): Promise<Map<string, AuthorHistory>> {
  const ids = [...new Set(userIds)];
  const map = new Map<string, AuthorHistory>();
  if (ids.length === 0) return map;
  const [users, counts, reports] = await Promise.all([
    db.user.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        createdAt: true,
        status: true,
        suspendedUntil: true,
        statusReason: true,
        premoderate: true,
        shadowBanned: true,
      },
    }),
    db.comment.groupBy({
      by: ["authorId", "status"],
      where: { authorId: { in: ids } },
      _count: { _all: true },
    }),
    Promise.all(
      ids.map(
        async (id) => [id, await db.commentReport.count({ where: { comment: { authorId: id } } })] as const,
      ),
    ),
  ]);
  const reportsBy = new Map(reports);
  for (const u of users) {
    const mine = counts.filter((c) => c.authorId === u.id);
    const n = (status: string) => mine.find((c) => c.status === status)?._count._all ?? 0;
    const standing = standingOf(u, now);
    const sanctions: AuthorHistory["sanctions"] = standing.sanctions.map((kind) =>
      kind === "ban" || kind === "suspend"
        ? { kind, until: standing.until, reason: standing.reason }
        : { kind, until: null, reason: null },
    );
    map.set(u.id, {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      joinedAt: u.createdAt,
      comments: mine.reduce((sum, c) => sum + c._count._all, 0),
      published: n("PUBLISHED"),
      pending: n("PENDING"),
      rejected: n("REJECTED"),
      spam: n("SPAM"),
      reportsReceived: reportsBy.get(u.id) ?? 0,
      sanctions,
    });
  }
  return map;
}
