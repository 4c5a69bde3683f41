import type { Metadata } from "next";
import { AccountDeleteForm } from "@/components/account-delete-form";
import { AuthPageHeading } from "@/components/auth-page-heading";
import { AuthSignInRequired } from "@/components/auth-signin-required";
import { DELETION_KEEPS, getAccountOverview } from "@/lib/accounts/dal/account";
import { getSessionUserId } from "@/lib/accounts/dal/users";

export const instant = false;

export const metadata: Metadata = { title: "Delete your account", robots: { index: false } };

export default async function DeleteAccountPage() {
  const account = await getAccountOverview(await getSessionUserId());
  if (!account) return <AuthSignInRequired returnTo="/account/delete" title="Delete your account" />;
  return (
    <>
      <AuthPageHeading title="Delete your account">
        <p>This cannot be undone.</p>
      </AuthPageHeading>
      <ul className="mb-6 list-disc space-y-2 pl-5">
        <li>Your account, your sign-in methods and every session end now.</li>
        <li>Your votes are removed and taken off the comments&apos; scores.</li>
        <li>
          Your {account.commentCount} {account.commentCount === 1 ? "comment stays" : "comments stay"} in
          {account.commentCount === 1 ? " its thread" : " their threads"} so replies keep their place, but
          shows as “[deleted]”, with the text and your name removed.
        </li>
        <li>{DELETION_KEEPS}</li>
        <li>
          Want a copy first?{" "}
          <a href="/account/export" download className="font-semibold underline">
            Download my data
          </a>
          .
        </li>
      </ul>
      <AccountDeleteForm />
      <p className="mt-6">
        <a href="/account" className="underline">
          Keep my account
        </a>
      </p>
    </>
  );
}
