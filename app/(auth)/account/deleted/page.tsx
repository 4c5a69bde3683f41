import type { Metadata } from "next";
import { AuthPageHeading } from "@/components/auth-page-heading";
import { SignedOutSignal } from "@/components/viewer-store";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <>
      <SignedOutSignal />
      <AuthPageHeading title="Your account is deleted">
        <p>Your account, sign-ins and votes are gone, and your comments now show as “[deleted]”.</p>
      </AuthPageHeading>
      <a href="/" className="font-semibold underline">
        Back to the front page
      </a>
    </>
  );
}
