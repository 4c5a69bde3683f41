import { PageActionForm } from "@/components/page-action-form";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { AuthEmailForm } from "@/components/auth-email-form";
import { AuthPageHeading } from "@/components/auth-page-heading";
import { AuthProviderButtons } from "@/components/auth-provider-buttons";
import { signOutAction } from "@/lib/accounts/actions/auth";
import { oauthProviderSummaries } from "@/lib/accounts/auth/auth";
import { authErrorMessage, safeCallbackPath } from "@/lib/accounts/auth/pages";
import { displayName, getCurrentUser } from "@/lib/accounts/dal/users";
import { env } from "@/lib/env";

// Reads the request outside Suspense, so the whole page (forms included) is in the first response.
export const instant = false;

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Where to return after signing in: ?callbackUrl=, else the page the reader came from, on our origin only. */
async function returnPath(param: string | undefined): Promise<string> {
  const path = safeCallbackPath(param ?? (await headers()).get("referer"), env.SITE_URL);
  return /^\/(signin|account\/deleted)(\/|\?|#|$)/.test(path) ? "/" : path;
}

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = await returnPath(first(params.callbackUrl));
  const error = first(params.error);
  const user = await getCurrentUser();

  if (user) {
    return (
      <>
        <AuthPageHeading title="You are signed in">
          <p>You are signed in as {displayName(user)}.</p>
        </AuthPageHeading>
        <div className="flex flex-wrap items-center gap-4">
          <a href={callbackUrl} className="font-semibold underline">
            Continue reading
          </a>
          <a href="/account" className="font-semibold underline">
            Your account
          </a>
          <PageActionForm action={signOutAction}>
            <button type="submit" className="font-semibold underline">
              Sign out
            </button>
          </PageActionForm>
        </div>
      </>
    );
  }

  const providers = oauthProviderSummaries();
  const problem = error ? authErrorMessage(error) : null;
  return (
    <>
      <AuthPageHeading title="Sign in">
        <p>Sign in to join the conversation under our stories.</p>
      </AuthPageHeading>
      {first(params.signedOut) === "everywhere" ? (
        <p role="status" className="mb-6 rounded border border-neutral-400 p-3">
          You are signed out on every device.
        </p>
      ) : null}
      {problem ? (
        <div role="alert" className="mb-6 rounded border border-red-800 p-3 dark:border-red-300">
          <h2 className="font-semibold">{problem.title}</h2>
          <p className="mt-1">{problem.message}</p>
        </div>
      ) : null}
      <AuthEmailForm callbackUrl={callbackUrl} />
      {providers.length > 0 ? (
        <section
          aria-labelledby="signin-other"
          className="mt-8 border-t border-neutral-300 pt-6 dark:border-neutral-700"
        >
          <h2 id="signin-other" className="mb-3 font-semibold">
            Or sign in with
          </h2>
          <AuthProviderButtons providers={providers} callbackUrl={callbackUrl} />
        </section>
      ) : null}
      <p className="mt-8 text-sm text-neutral-700 dark:text-neutral-300">
        Signing in creates an account the first time. We show only the display name you choose next to your
        comments, never your e-mail address.
      </p>
    </>
  );
}
