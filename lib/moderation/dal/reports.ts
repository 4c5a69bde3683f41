// Reader reports. One per reader per comment, never on their own, and only on a published story that
// still takes comments (elsewhere nothing about the comment can change any more, the author's delete
// included). When a published comment's counting reports reach the site's threshold it is hidden:
// moved to PENDING with reason "reports:<n>", which every reader query excludes (the author sees it
// "awaiting moderation") and the Reported queue lists (open reports > 0). Approving it from there
// publishes it again and resolves the reports. The hiding is a system decision: one audit record with
// no actor.
//
// What counts is decided by a count over the report rows at report time, not by Comment.reportCount
// (which the queue sorts by, and which counts every open report): only open reports by accounts that
// still exist, are under no sanction, and whose reports moderators have not mostly dismissed. Their
// reports still reach the queue. A moderator's or an admin's comment is never hidden by reports.
import "server-only";
import { db } from "@/lib/db";
import { takeLimit } from "@/lib/rate-limits";
import { type Result, isRefusal, refuse, validate } from "@/lib/result";
import { reportSchema, type ReportReasonKey } from "@/lib/moderation/schema";
import { recordAutomaticDecision } from "./audit";
import { findArticle } from "../../comments/dal/guards";
import { getSiteSettings } from "./settings";
import { requireActor } from "../../accounts/dal/users";

export type ReportInput = { commentId: string; reason: ReportReasonKey | string; note?: string };
export type ReportOutcome = { commentId: string; articleId: string; hidden: boolean };

const ALREADY = "You have already reported this comment. Thank you.";
const NOT_SHOWN = "That comment does not exist or is no longer shown.";

/** A reporter with at least this many dismissed reports, and more dismissed than upheld, hides nothing. */
const DISTRUST_AFTER_DISMISSED = 3;

type Tx = Pick<typeof db, "commentReport">;

/** Reporters of `ids` whose reports moderators have mostly dismissed. */
async function distrusted(tx: Tx, ids: string[]): Promise<Set<string>> {
  const groups = await tx.commentReport.groupBy({
    by: ["reporterId", "outcome"],
    where: { reporterId: { in: ids }, outcome: { not: null } },
    _count: { _all: true },
  });
  const tally = new Map<string, { upheld: number; dismissed: number }>();
  for (const g of groups) {
    const t = tally.get(g.reporterId!) ?? { upheld: 0, dismissed: 0 };
    if (g.outcome === "DISMISSED") t.dismissed += g._count._all;
    else t.upheld += g._count._all;
    tally.set(g.reporterId!, t);
  }
  return new Set(
    [...tally]
      .filter(([, t]) => t.dismissed >= DISTRUST_AFTER_DISMISSED && t.dismissed > t.upheld)
      .map(([id]) => id),
  );
}

/** The open reports on a comment that count towards hiding it (see the note at the top). */
async function countingReports(tx: Tx, commentId: string, now: Date = new Date()): Promise<number> {
  const open = await tx.commentReport.findMany({
    where: {
      commentId,
      resolvedAt: null,
      // A deleted account's report has no reporter; a sanctioned reporter's reports stop counting.
      reporter: {
        is: {
          premoderate: false,
          shadowBanned: false,
          OR: [{ status: "ACTIVE" }, { status: "SUSPENDED", suspendedUntil: { lte: now } }],
        },
      },
    },
    select: { reporterId: true },
  });
  const ids = open.map((r) => r.reporterId!);
  if (ids.length === 0) return 0;
  const untrusted = await distrusted(tx, ids);
  return ids.filter((id) => !untrusted.has(id)).length;
}

export async function reportComment(
  actorId: string | null,
  input: ReportInput,
  now: Date = new Date(),
): Promise<Result<ReportOutcome>> {
  const viewer = await requireActor(actorId, "Sign in to report a comment.");
  if (isRefusal(viewer)) return viewer;
  if (!viewer.standing.canReport)
    return refuse("forbidden", "Your account cannot report comments right now.");
  const parsed = validate(reportSchema, input);
  if (isRefusal(parsed)) return parsed;
  const limited = await takeLimit("report", viewer.id);
  if (limited) return limited;
  const { commentId, reason, note } = parsed;
  const where = await db.comment.findUnique({ where: { id: commentId }, select: { articleId: true } });
  if (!where) return refuse("not_found", NOT_SHOWN);
  // A draft, unpublished or closed story: its comments can no longer change, so reports are closed too.
  const story = await findArticle(where.articleId);
  if (isRefusal(story))
    return story.code === "closed"
      ? refuse("closed", "Comments are closed on this story, so they can no longer be reported.")
      : refuse("not_found", NOT_SHOWN);
  const { reportThreshold } = await getSiteSettings();
  try {
    return await db.$transaction(async (tx) => {
      const comment = await tx.comment.findUnique({
        where: { id: commentId },
        select: {
          status: true,
          authorId: true,
          articleId: true,
          author: { select: { shadowBanned: true, role: true } },
        },
      });
      // Only what the reader can see can be reported; a hidden comment answers as missing.
      if (!comment || comment.status !== "PUBLISHED" || comment.author?.shadowBanned)
        return refuse("not_found", NOT_SHOWN);
      if (comment.authorId === viewer.id) return refuse("forbidden", "You cannot report your own comment.");
      const earlier = await tx.commentReport.findUnique({
        where: { commentId_reporterId: { commentId, reporterId: viewer.id } },
        select: { id: true },
      });
      if (earlier) return refuse("conflict", ALREADY);
      await tx.commentReport.create({
        data: { commentId, reporterId: viewer.id, reason, note: note ?? null },
      });
      // The queue's count of open reports, whoever made them.
      await tx.comment.update({ where: { id: commentId }, data: { reportCount: { increment: 1 } } });
      let hidden = false;
      const staffComment = comment.author !== null && comment.author.role !== "READER";
      const counted = staffComment ? 0 : await countingReports(tx, commentId, now);
      if (counted >= reportThreshold) {
        const rule = `reports:${counted}`;
        const moved = await tx.comment.updateMany({
          where: { id: commentId, status: "PUBLISHED" },
          data: { status: "PENDING", moderationReason: rule, featured: false, pinnedAt: null },
        });
        hidden = moved.count === 1;
        if (hidden)
          await recordAutomaticDecision(tx, {
            commentId,
            authorId: comment.authorId,
            articleId: comment.articleId,
            before: "PUBLISHED",
            status: "PENDING",
            reason: rule,
            note: `${counted} counting reader reports (threshold ${reportThreshold})`,
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
    list.push({
      reason: r.reason,
      note: r.note,
      createdAt: r.createdAt,
      reporterName: r.reporter?.name ?? null,
    });
    map.set(r.commentId, list);
  }
  return map;
}
