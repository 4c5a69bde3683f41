"use server";
// Queue actions: one decision, the same decision on a selection, and a staff reply. Each reads who is
// asking from the session and lets the DAL authorize; then the readers' caches of the touched stories
// are invalidated so the change shows on the next request.
import { moderateComment, moderateComments, type DecisionInput } from "@/lib/dal/moderation";
import { replyAsStaff } from "@/lib/dal/moderation-reply";
import { getSessionUserId } from "@/lib/dal/users";
import { commentsModerated } from "./invalidate";
import type { ModerationFormState } from "@/lib/moderation/results";
import type { CommentDecisionKind } from "@/lib/schemas/moderation";

const str = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : undefined);

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

function decisionFrom(formData: FormData): Omit<DecisionInput, "commentId"> {
  return {
    decision: str(formData.get("decision")) as CommentDecisionKind,
    reason: (str(formData.get("reason")) || undefined) as DecisionInput["reason"],
    note: str(formData.get("note")),
  };
}

export async function decideComment(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const input = { ...decisionFrom(formData), commentId: str(formData.get("commentId")) ?? "" };
  const result = await moderateComment(await getSessionUserId(), input);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  commentsModerated([result.articleId]);
  return { ok: true, message: DONE[input.decision] ?? "Done." };
}

export async function decideComments(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const ids = formData.getAll("ids").filter((v): v is string => typeof v === "string");
  const result = await moderateComments(await getSessionUserId(), {
    ...decisionFrom(formData),
    commentIds: ids,
  });
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  if (result.done.length) commentsModerated(result.done.map((d) => d.articleId));
  const skipped = result.skipped.length
    ? ` ${result.skipped.length} skipped: ${result.skipped[0].message}`
    : "";
  const n = result.done.length;
  return { ok: n > 0, message: `${n} ${n === 1 ? "comment" : "comments"} updated.${skipped}` };
}

export async function replyToCommentAsStaff(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const result = await replyAsStaff(await getSessionUserId(), {
    commentId: str(formData.get("commentId")) ?? "",
    body: str(formData.get("body")) ?? "",
  });
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  commentsModerated([result.articleId]);
  return { ok: true, message: "Reply published." };
}
