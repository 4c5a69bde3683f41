"use server";
// Sign-in and sign-out forms. Server actions carry Next's own CSRF protection (the Origin header must
// match the host), and Auth.js is called from the server, so its CSRF token is not needed here.
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { oauthProviderSummaries, signIn, signOut } from "@/lib/auth";
import { AUTH_PAGES, authErrorMessage, safeCallbackPath } from "@/lib/auth-pages";
import { env } from "@/lib/env";
import { fieldErrorsOf, signInEmailSchema, signInProviderSchema, type FormState } from "@/lib/schemas/auth";

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/** Sends the magic link, then shows /signin/check-email. */
export async function signInWithEmail(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInEmailSchema.safeParse({
    email: field(formData, "email") ?? "",
    callbackUrl: field(formData, "callbackUrl"),
  });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { ok: false, message: fieldErrors.email?.[0] ?? "Check the form and try again.", fieldErrors };
  }
  const redirectTo = safeCallbackPath(parsed.data.callbackUrl, env.SITE_URL);
  try {
    await signIn("nodemailer", { email: parsed.data.email, redirectTo, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { ok: false, message: authErrorMessage(error.type).message };
  }
  // Straight to our page: Auth.js would answer with its /api/auth/verify-request hop, a route handler
  // the client-side router follows without updating the address bar.
  redirect(AUTH_PAGES.verifyRequest);
}

/** Starts an OAuth/OIDC sign-in: the browser goes to the provider's authorization page. */
export async function signInWithProvider(formData: FormData): Promise<void> {
  const parsed = signInProviderSchema.safeParse({
    provider: field(formData, "provider"),
    callbackUrl: field(formData, "callbackUrl"),
  });
  const redirectTo = safeCallbackPath(parsed.data?.callbackUrl, env.SITE_URL);
  const configured = oauthProviderSummaries().some((p) => p.id === parsed.data?.provider);
  if (!parsed.success || !configured) redirect(`/signin?callbackUrl=${encodeURIComponent(redirectTo)}`);
  let next: string;
  try {
    next = await signIn(parsed.data.provider, { redirectTo, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    next = `/signin/error?error=${encodeURIComponent(error.type)}`;
  }
  redirect(next);
}

/** Ends this browser's session and goes home. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/");
}
