// Reader reports. One per reader per comment, never on their own. When a published comment's open
// reports reach the site's threshold it is hidden: moved to PENDING with reason "reports:<n>", which
// every reader query excludes (the author sees it "awaiting moderation") and the Reported queue lists
// (open reports > 0). Approving it from there publishes it again and resolves the reports. The hiding
// is a system decision: one audit record with no actor.
import "server-only";
import { db } from "@/lib/db";
import { takeLimit } from "@/lib/rate-limits";
import { type Result, isRefusal, refuse, validate } from "@/lib/result";
import { reportSchema, type ReportReasonKey } from "@/lib/schemas/moderation";
import { writeAudit } from "./audit";
import { getSiteSettings } from "./moderation-settings";
import { requireActor } from "./users";

export type ReportInput = { commentId: string; reason: ReportReasonKey | string; note?: string };
export type ReportOutcome = { commentId: string; articleId: string; hidden: boolean };

const ALREADY = "You have already reported this comment. Thank you.";

export async function reportComment(
  actorId: string | null,
  input: ReportInput,
): Promise<Result<ReportOutcome>> {
  const viewer = await requireActor(actorId, "Sign in to report a comment.");
  if (isRefusal(viewer)) return viewer;
  if (!viewer.standing.canReport) return refuse("forbidden", "Your account cannot report comments right now.");
  const parsed = validate(reportSchema, input);
  if (isRefusal(parsed)) return parsed;
  const limited = await takeLimit("report", viewer.id);
  if (limited) return limited;
  const { commentId, reason, note } = parsed;
  const { reportThreshold } = await getSiteSettings();
  try {
    return await db.$transaction(async (tx) => {
      const comment = await tx.comment.findUnique({
        where: { id: commentId },
        select: { status: true, authorId: true, articleId: true, author: { select: { shadowBanned: true } } },
      });
      // Only what the reader can see can be reported; a hidden comment answers as missing.
      if (!comment || comment.status !== "PUBLISHED" || comment.author?.shadowBanned)
        return refuse("not_found", "That comment does not exist or is no longer shown.");
      if (comment.authorId === viewer.id) return refuse("forbidden", "You cannot report your own comment.");
      const earlier = await tx.commentReport.findUnique({
        where: { commentId_reporterId: { commentId, reporterId: viewer.id } },
        select: { id: true },
      });
      if (earlier) return refuse("conflict", ALREADY);
      await tx.commentReport.create({
        data: { commentId, reporterId: viewer.id, reason, note: note ?? null },
      });
      const { reportCount } = await tx.comment.update({
        where: { id: commentId },
        data: { reportCount: { increment: 1 } },
        select: { reportCount: true },
      });
      let hidden = false;
      if (reportCount >= reportThreshold) {
        const moved = await tx.comment.updateMany({
          where: { id: commentId, status: "PUBLISHED" },
          data: {
            status: "PENDING",
            moderationReason: `reports:${reportCount}`,
            featured: false,
            pinnedAt: null,
          },
        });
        hidden = moved.count === 1;
        if (hidden)
          await writeAudit(tx, {
            actor: null,
            action: "comment.auto_hide",
            targetType: "comment",
            targetId: commentId,
            subjectUserId: comment.authorId,
            articleId: comment.articleId,
            before: "PUBLISHED",
            after: "PENDING",
            reason: `${reportCount} reader reports (threshold ${reportThreshold})`,
          });
      }
      return { ok: true as const, commentId, articleId: comment.articleId, hidden };
    });
  } catch (err) {
    // Two submits racing past the check above: the unique index keeps it to one report.
    if ((err as { code?: unknown })?.code === "P2002") return refuse("conflict", ALREADY);
    throw err;
  }
}

export type ReportSummary = {
  reason: string;
  note: string | null;
  createdAt: Date;
  reporterName: string | null;
};

/** The open reports on some comments, for the queues (staff pages only; callers have authorized). */
export async function openReportsFor(commentIds: string[]): Promise<Map<string, ReportSummary[]>> {
  const rows = commentIds.length
    ? await db.commentReport.findMany({
        where: { commentId: { in: commentIds }, resolvedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          commentId: true,
          reason: true,
          note: true,
          createdAt: true,
          reporter: { select: { name: true } },
        },
      })
    : [];
  const map = new Map<string, ReportSummary[]>();
  for (const r of rows) {
    const list = map.get(r.commentId) ?? [];
    list.push({ reason: r.reason, note: r.note, createdAt: r.createdAt, reporterName: r.reporter.name });
    map.set(r.commentId, list);
  }
  return map;
}
