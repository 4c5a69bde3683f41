import type { Metadata } from "next";
import { AuthPageHeading } from "@/components/auth-page-heading";
import { authErrorMessage } from "@/lib/accounts/auth/pages";

export const instant = false;

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Auth.js sends readers here with ?error=<code>; the code picks the message, nothing else is echoed.
export default async function SignInErrorPage({ searchParams }: Props) {
  const code = (await searchParams).error;
  const { title, message } = authErrorMessage(Array.isArray(code) ? code[0] : code);
  return (
    <>
      <AuthPageHeading title={title}>
        <p>{message}</p>
      </AuthPageHeading>
      <p>
        <a href="/signin" className="font-semibold underline">
          Back to sign in
        </a>
      </p>
    </>
  );
}
