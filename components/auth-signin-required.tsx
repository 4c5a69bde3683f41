import { AuthPageHeading } from "./auth-page-heading";
import { paths } from "@/lib/paths";

/**
 * What a signed-out visit to an account page gets: a redirect to /signin that comes back here.
 * Not `redirect()`: under Cache Components these pages answer from a prerendered (empty) shell whose
 * 200 is already decided, so a page-level redirect only happens in client-side script. The refresh
 * below works in every browser, and the link is there for anyone whose browser ignores it.
 */
export function AuthSignInRequired({ returnTo, title }: { returnTo: string; title: string }) {
  const href = paths.signIn(returnTo);
  return (
    <>
      <meta httpEquiv="refresh" content={`0;url=${href}`} />
      <AuthPageHeading title={title}>
        <p>Sign in to see this page.</p>
      </AuthPageHeading>
      <a href={href} className="font-semibold underline">
        Sign in
      </a>
    </>
  );
}
