import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthPageHeading } from "@/components/auth-page-heading";
import { env } from "@/lib/env";

export const instant = false;

export const metadata: Metadata = { title: "Check your e-mail", robots: { index: false } };

export default async function CheckEmailPage() {
  // Whether mail is configured is a property of the running server, not of the build.
  await connection();
  return (
    <>
      <AuthPageHeading title="Check your e-mail">
        <p>A sign-in link is on its way. Open it in this browser to finish signing in.</p>
      </AuthPageHeading>
      <ul className="list-disc space-y-2 pl-5">
        <li>The link works once and expires in an hour.</li>
        <li>Nothing after a few minutes? Look in your spam folder, or ask for a new link.</li>
        {env.EMAIL_SERVER ? null : (
          <li>
            This site has no mail server configured yet, so the link was written to the server&apos;s log
            instead.
          </li>
        )}
      </ul>
      <p className="mt-6">
        <a href="/signin" className="font-semibold underline">
          Ask for a new link
        </a>
      </p>
    </>
  );
}
