"use server";
import { refresh } from "next/cache";
import { submitAppeal } from "@/lib/dal/appeals";
import { getSessionUserId } from "@/lib/dal/users";
import { toFormState, type ModerationFormState } from "@/lib/moderation/results";

const str = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

export async function submitAppealAction(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const result = await submitAppeal(await getSessionUserId(), {
    target: str(formData.get("target")),
    text: str(formData.get("text")),
  });
  if (result.ok) refresh();
  return toFormState(result, "Appeal sent. A moderator will decide it; the answer appears here.");
}
