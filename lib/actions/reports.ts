"use server";
import { reportComment } from "@/lib/dal/reports";
import { getSessionUserId } from "@/lib/dal/users";
import { commentsModerated } from "./invalidate";
import { toFormState, type ModerationFormState } from "@/lib/moderation/results";

const str = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : undefined);

export async function reportCommentAction(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const result = await reportComment(await getSessionUserId(), {
    commentId: str(formData.get("commentId")) ?? "",
    reason: str(formData.get("reason")) ?? "",
    note: str(formData.get("note")),
  });
  // Only a report that hid the comment changes what readers see.
  if (result.ok && result.hidden) {
    commentsModerated([result.articleId]);
  }
  return toFormState(result, "Thank you. A moderator will look at this comment.");
}
