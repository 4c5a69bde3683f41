"use server";
// /account forms: rename, sign out everywhere, delete the account. Each reads who is asking from the
// session and lets the DAL decide what that user may do.
import { refresh, updateTag } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE } from "@/lib/accounts/auth/auth";
import { cacheTags } from "@/lib/cache-tags";
import { deleteUserAccount, endAllSessions, renameUser } from "@/lib/accounts/dal/account";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import { deleteAccountSchema, renameSchema } from "@/lib/accounts/schemas/account";
import { action } from "../../action";

/** Comment sections show names and scores: refresh the ones the change touched. */
function refreshComments(articleIds: string[]) {
  for (const id of articleIds) updateTag(cacheTags.comments(id));
}

/** The session rows are gone already; the browser's cookie names one that no longer exists. */
async function forgetSessionCookie() {
  (await cookies()).delete(SESSION_COOKIE);
}

export const renameAccount = action(renameSchema, {
  invalidMessage: (e) => e.name?.[0] ?? "Check the name.",
  run: (input, actorId) => renameUser(actorId, input.name),
  invalidate: (r) => {
    refreshComments(r.articleIds);
    // The header shows the name too, and it is not behind any of those tags.
    refresh();
  },
  done: (r) => ({ ok: true, message: `Saved. Your comments now show “${r.name}”.` }),
});

export async function signOutEverywhere(): Promise<void> {
  const result = await endAllSessions(await getSessionUserId());
  if (!result.ok) redirect("/signin?callbackUrl=/account");
  await forgetSessionCookie();
  redirect("/signin?signedOut=everywhere");
}

export const deleteAccount = action(deleteAccountSchema, {
  invalidMessage: (e) => e.confirm?.[0] ?? "Confirm first.",
  run: async (_input, actorId) => {
    const result = await deleteUserAccount(actorId);
    if (result.ok) await forgetSessionCookie();
    return result;
  },
  invalidate: (r) => refreshComments(r.articleIds),
  done: "Your account is deleted.",
  redirectTo: () => "/account/deleted",
});
