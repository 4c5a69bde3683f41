"use server";
// /account forms: rename, sign out everywhere, delete the account. Each reads who is asking from the
// session and lets the DAL decide what that user may do.
import { refresh, updateTag } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE } from "@/lib/auth";
import { cacheTags } from "@/lib/cache-tags";
import { deleteUserAccount, endAllSessions, renameUser } from "@/lib/dal/account";
import { getSessionUserId } from "@/lib/dal/users";
import { deleteAccountSchema, renameSchema } from "@/lib/schemas/account";
import { fieldErrorsOf, type FormState } from "@/lib/schemas/auth";

/** Comment sections show names and scores: refresh the ones the change touched. */
function refreshComments(articleIds: string[]) {
  for (const id of articleIds) updateTag(cacheTags.comments(id));
}

export async function renameAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = renameSchema.safeParse({ name: formData.get("name") ?? "" });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { ok: false, message: fieldErrors.name?.[0] ?? "Check the name.", fieldErrors };
  }
  const result = await renameUser(await getSessionUserId(), parsed.data.name);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  refreshComments(result.articleIds);
  // The header shows the name too, and it is not behind any of those tags.
  refresh();
  return { ok: true, message: `Saved. Your comments now show “${result.name}”.` };
}

/** The session rows are gone already; the browser's cookie names one that no longer exists. */
async function forgetSessionCookie() {
  (await cookies()).delete(SESSION_COOKIE);
}

export async function signOutEverywhere(): Promise<void> {
  const result = await endAllSessions(await getSessionUserId());
  if (!result.ok) redirect("/signin?callbackUrl=/account");
  await forgetSessionCookie();
  redirect("/signin?signedOut=everywhere");
}

export async function deleteAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = deleteAccountSchema.safeParse({ confirm: formData.get("confirm") ?? "" });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { ok: false, message: fieldErrors.confirm?.[0] ?? "Confirm first.", fieldErrors };
  }
  const result = await deleteUserAccount(await getSessionUserId());
  if (!result.ok) return { ok: false, message: result.message };
  refreshComments(result.articleIds);
  await forgetSessionCookie();
  redirect("/account/deleted");
}
