"use server";
// Settings, per-story controls, sanctions, roles and appeal decisions. Thin: the DAL authorizes.
import { refresh, updateTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { decideAppeal } from "@/lib/dal/appeals";
import { updateArticleControls, updateSiteSettings } from "@/lib/dal/moderation-settings";
import { applySanction, liftSanction, setUserRole } from "@/lib/dal/sanctions";
import { getSessionUserId } from "@/lib/dal/users";
import { commentsModerated } from "./invalidate";
import { toFormState, type ModerationFormState } from "@/lib/moderation/results";
import type { SanctionInput } from "@/lib/schemas/moderation";

const str = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : undefined);
const fields = (formData: FormData, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, str(formData.get(n))]));

export async function saveSiteSettings(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const input = fields(formData, [
    "premoderation",
    "premoderateFirstN",
    "maxLinks",
    "suspectWords",
    "bannedWords",
    "reportThreshold",
    "autoCloseDays",
  ]);
  const result = await updateSiteSettings(await getSessionUserId(), input as never);
  if (result.ok) refresh();
  return toFormState(result, "Settings saved.");
}

export async function saveArticleControls(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const input = fields(formData, [
    "articleId",
    "commentsClosed",
    "autoCloseDays",
    "slowModeSeconds",
    "premoderation",
  ]);
  const result = await updateArticleControls(await getSessionUserId(), input as never);
  if (result.ok) {
    updateTag(cacheTags.article(result.slug));
    commentsModerated([result.articleId]);
  }
  return toFormState(result, "Story settings saved.");
}

export async function sanctionUser(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const input = fields(formData, [
    "userId",
    "sanction",
    "hours",
    "reason",
    "rejectComments",
  ]) as unknown as SanctionInput;
  const result = await applySanction(await getSessionUserId(), input);
  if (result.ok) commentsModerated(result.articleIds);
  return toFormState(result, "Sanction applied.");
}

export async function liftUserSanction(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const result = await liftSanction(
    await getSessionUserId(),
    fields(formData, ["userId", "sanction", "note"]) as never,
  );
  if (result.ok) commentsModerated(result.articleIds);
  return toFormState(result, "Sanction lifted.");
}

export async function changeUserRole(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const result = await setUserRole(await getSessionUserId(), fields(formData, ["userId", "role"]) as never);
  if (result.ok) refresh();
  return toFormState(result, "Role changed.");
}

export async function decideAppealAction(
  _prev: ModerationFormState,
  formData: FormData,
): Promise<ModerationFormState> {
  const result = await decideAppeal(
    await getSessionUserId(),
    fields(formData, ["appealId", "uphold", "note"]) as never,
  );
  if (result.ok) commentsModerated(result.articleId ? [result.articleId] : []);
  return toFormState(result, str(formData.get("uphold")) === "uphold" ? "Appeal upheld." : "Appeal denied.");
}
