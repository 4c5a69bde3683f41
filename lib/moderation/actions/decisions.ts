"use server";
// Queue actions: one decision, the same decision on a selection, and a staff reply. The DAL authorizes;
// then the readers' caches of the touched stories are invalidated so the change shows on the next request.
import { z } from "zod";
import { moderateComment, moderateComments } from "@/lib/moderation/dal/decisions";
import { replyAsStaff } from "@/lib/moderation/dal/reply";
import { commentBodySchema } from "@/lib/comments/schema";
import {
  bulkDecisionSchema,
  decisionSchema,
  idField,
  type CommentDecisionKind,
} from "@/lib/moderation/schema";
import type { FormState } from "@/lib/result";
import { action } from "../../action";
import { commentsModerated } from "../../invalidate";

const DONE: Record<CommentDecisionKind, string> = {
  approve: "Comment approved and published.",
  reject: "Comment rejected.",
  spam: "Comment marked as spam.",
  restore: "Comment restored and published.",
  feature: "Comment featured.",
  unfeature: "Comment no longer featured.",
  pin: "Comment pinned.",
  unpin: "Comment unpinned.",
};

export const decideComment = action(decisionSchema, {
  run: (input, actorId) => moderateComment(actorId, input),
  invalidate: (r) => commentsModerated([r.articleId]),
  done: (_r, input) => ({ ok: true, message: DONE[input.decision] }),
});

export const decideComments = action(bulkDecisionSchema, {
  many: ["ids"],
  run: ({ ids, ...decision }, actorId) => moderateComments(actorId, { ...decision, commentIds: ids }),
  invalidate: (r) => {
    if (r.done.length) commentsModerated(r.done.map((d) => d.articleId));
  },
  done: (r): NonNullable<FormState> => {
    const skipped = r.skipped.length ? ` ${r.skipped.length} skipped: ${r.skipped[0].message}` : "";
    const n = r.done.length;
    const message = `${n} ${n === 1 ? "comment" : "comments"} updated.${skipped}`;
    return n > 0 ? { ok: true, message } : { ok: false, message };
  },
});

export const replyToCommentAsStaff = action(
  z.object({ commentId: idField("comment"), body: commentBodySchema }),
  {
    run: (input, actorId) => replyAsStaff(actorId, input),
    invalidate: (r) => commentsModerated([r.articleId]),
    done: "Reply published.",
  },
);
