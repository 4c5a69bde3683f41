// A moderator answers a comment in the thread, under their own name (readers see the staff badge from
// CommentView.authorRole). Staff replies skip the routing rules and slow mode; they follow the
// threading rule of the comments contract (depth 3 at most, replyToId past it).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { type Result, isRefusal, refuse, validate } from "@/lib/result";
import { commentBodySchema } from "@/lib/schemas/comment";
import { idField } from "@/lib/schemas/moderation";
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
      },
    });
    if (!parent) return refuse("not_found", "That comment does not exist.");
    // A reply under a hidden comment would be an orphan on the page: approve or restore it first.
    if (parent.status !== "PUBLISHED") return refuse("conflict", "Only a published comment can be answered.");
    const threadId = parent.threadId ?? parent.id;
    const placement =
      parent.depth < 3
        ? { parentId: parent.id, depth: parent.depth + 1, replyToId: null }
        : { parentId: parent.parentId, depth: 3, replyToId: parent.id };
    const reply = await tx.comment.create({
      data: {
        articleId: parent.articleId,
        authorId: staff.id,
        body,
        threadId,
        ...placement,
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
