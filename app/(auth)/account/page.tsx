import { PageActionForm } from "@/components/page-action-form";
import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { AccountRenameForm } from "@/components/account-rename-form";
import { AuthPageHeading } from "@/components/auth-page-heading";
import { AuthSignInRequired } from "@/components/auth-signin-required";
import { SubmitButton } from "@/components/ui/submit-button";
import { SITE_TIMEZONE } from "@/lib/format/date";
import { Time } from "@/components/ui/time";
import { ModerationAppeals } from "@/components/moderation-appeals";
import { signOutEverywhere } from "@/lib/accounts/actions/account";
import { getAccountOverview } from "@/lib/accounts/dal/account";
import { displayName, getSessionUserId } from "@/lib/accounts/dal/users";

export const instant = false;

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const SECTION = "mt-8 border-t border-neutral-300 pt-6 dark:border-neutral-700";
const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", google: "Google", oidc: "Single sign-on" };

export default async function AccountPage() {
  const userId = await getSessionUserId();
  const account = await getAccountOverview(userId);
  if (!account || !userId) return <AuthSignInRequired returnTo="/account" title="Your account" />;
  // An account made by a provider that gave no verified address has no e-mail link to sign in with.
  const methods = [
    ...(account.email ? ["E-mail link"] : []),
    ...account.providers.map((p) => PROVIDER_NAMES[p] ?? p),
  ];
  return (
    <>
      <AuthPageHeading title="Your account">
        <p>Signed in as {displayName(account)}.</p>
      </AuthPageHeading>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">E-mail</dt>
        <dd>{account.email ?? "none"}</dd>
        <dt className="font-semibold">Member since</dt>
        <dd>
          <Time date={account.createdAt} timeZone={SITE_TIMEZONE} format="date" />
        </dd>
        <dt className="font-semibold">Sign-in methods</dt>
        <dd>{methods.join(", ")}</dd>
        <dt className="font-semibold">Comments</dt>
        <dd>{account.commentCount}</dd>
      </dl>

      <AccountSection id="name" title="Name">
        <AccountRenameForm name={account.name ?? ""} />
      </AccountSection>

      <AccountSection id="sessions" title="Devices">
        <p className="mb-3">
          You are signed in on {account.sessionCount} {account.sessionCount === 1 ? "device" : "devices"}.
        </p>
        <PageActionForm action={signOutEverywhere}>
          <SubmitButton variant="secondary" pendingLabel="Signing out…">
            Sign out everywhere
          </SubmitButton>
        </PageActionForm>
      </AccountSection>

      <div className={SECTION}>
        {/* Its own boundary: the rest of the account page need not wait for the moderation reads. */}
        <Suspense fallback={<p>Loading moderation decisions…</p>}>
          <ModerationAppeals userId={userId} />
        </Suspense>
      </div>

      <AccountSection id="data" title="Your data">
        <p className="mb-3">Your profile, sign-in methods, comments and votes, as a JSON file.</p>
        <a href="/account/export" download className="font-semibold underline">
          Download my data
        </a>
      </AccountSection>

      <AccountSection id="delete" title="Delete account">
        <p className="mb-3">
          Removes your account, sign-ins and votes. Your comments stay in their threads as “[deleted]”.
        </p>
        <a href="/account/delete" className="font-semibold text-red-800 underline dark:text-red-300">
          Delete my account…
        </a>
      </AccountSection>
    </>
  );
}

function AccountSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`account-${id}-heading`} className={SECTION}>
      <h2 id={`account-${id}-heading`} className="mb-3 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
