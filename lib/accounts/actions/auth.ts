"use server";
// Sign-in and sign-out forms. Server actions carry Next's own CSRF protection (the Origin header must
// match the host), and Auth.js is called from the server, so its CSRF token is not needed here.
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { oauthProviderSummaries, signIn, signOut } from "@/lib/accounts/auth/auth";
import { AUTH_PAGES, authErrorMessage, safeCallbackPath } from "@/lib/accounts/auth/pages";
import { env } from "@/lib/env";
import { refuse, type Result } from "@/lib/result";
import { signInEmailSchema, signInProviderSchema } from "@/lib/accounts/schemas/auth";
import { action, formAction } from "../../action";
import { paths } from "@/lib/paths";

/** Sends the magic link, then shows /signin/check-email. */
export const signInWithEmail = action(signInEmailSchema, {
  invalidMessage: (e) => e.email?.[0] ?? "Check the form and try again.",
  run: async ({ email, callbackUrl }): Promise<Result> => {
    const redirectTo = safeCallbackPath(callbackUrl, env.SITE_URL);
    try {
      await signIn("nodemailer", { email, redirectTo, redirect: false });
      return { ok: true };
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      return refuse("invalid", authErrorMessage(error.type).message);
    }
  },
  done: "Check your e-mail.",
  // Straight to our page: Auth.js would answer with its /api/auth/verify-request hop, a route handler
  // the client-side router follows without updating the address bar.
  redirectTo: () => AUTH_PAGES.verifyRequest,
});

/** Starts an OAuth/OIDC sign-in: the browser goes to the provider's authorization page. */
export const signInWithProvider = formAction(async (fields) => {
  const parsed = signInProviderSchema.safeParse(fields);
  const redirectTo = safeCallbackPath(parsed.data?.callbackUrl, env.SITE_URL);
  const configured = oauthProviderSummaries().some((p) => p.id === parsed.data?.provider);
  if (!parsed.success || !configured) redirect(paths.signIn(redirectTo));
  let next: string;
  try {
    next = await signIn(parsed.data.provider, { redirectTo, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    next = paths.signInError(error.type);
  }
  redirect(next);
});

/** Ends this browser's session and goes home. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/");
}
