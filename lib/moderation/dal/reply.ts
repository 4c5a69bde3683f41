// A moderator answers a comment in the thread, under their own name (readers see the staff badge from
// CommentView.authorRole). Staff replies skip the routing rules and slow mode; they follow the
// threading rule readers' replies follow (lib/comments/threading.ts).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { placeReply } from "@/lib/comments/threading";
import { type Result, isRefusal, refuse, validate } from "@/lib/result";
import { commentBodySchema } from "@/lib/comments/schema";
import { idField } from "@/lib/moderation/schema";
import { writeAudit } from "./audit";
import { staffActor } from "./staff";

const replySchema = z.object({ commentId: idField("comment"), body: commentBodySchema });

export async function replyAsStaff(
  actorId: string | null,
  input: { commentId: string; body: string },
): Promise<Result<{ commentId: string; articleId: string }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const parsed = validate(replySchema, input);
  if (isRefusal(parsed)) return parsed;
  const { commentId, body } = parsed;
  return db.$transaction(async (tx) => {
    const parent = await tx.comment.findUnique({
      where: { id: commentId },
      select: {
        id: true,
        articleId: true,
        authorId: true,
        parentId: true,
        threadId: true,
        depth: true,
        status: true,
        author: { select: { shadowBanned: true } },
      },
    });
    if (!parent) return refuse("not_found", "That comment does not exist.");
    // A reply under a hidden comment would be an orphan on the page: approve or restore it first.
    if (parent.status !== "PUBLISHED") return refuse("conflict", "Only a published comment can be answered.");
    // Nor under a shadow-banned author's comment: readers do not see it, so the reply would hang in the air.
    if (parent.author?.shadowBanned)
      return refuse("conflict", "Its author is shadow-banned: readers do not see this comment.");
    const reply = await tx.comment.create({
      data: {
        articleId: parent.articleId,
        authorId: staff.id,
        body,
        ...placeReply(parent),
        status: "PUBLISHED",
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: staff,
      action: "comment.staff_reply",
      targetType: "comment",
      targetId: reply.id,
      subjectUserId: parent.authorId,
      articleId: parent.articleId,
      after: "PUBLISHED",
      note: `In reply to comment ${parent.id}`,
    });
    return { ok: true as const, commentId: reply.id, articleId: parent.articleId };
  });
}
