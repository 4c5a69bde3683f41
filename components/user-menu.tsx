// The signed-in part of the header. It reads the session, so the header renders it inside <Suspense>:
// cached pages keep their static shell and only this hole is rendered per request.
import Link from "next/link";
import { signOutAction } from "@/lib/actions/auth";
import { displayName, getCurrentUser } from "@/lib/dal/users";
import { AuthSignInLink } from "./auth-signin-link";

const LINK = "font-semibold underline-offset-4 hover:underline";

export function UserMenuFallback() {
  return (
    <Link href="/signin" prefetch={false} className={`${LINK} text-sm`}>
      Sign in
    </Link>
  );
}

export async function UserMenu() {
  const user = await getCurrentUser();
  if (!user) return <AuthSignInLink className={`${LINK} text-sm`} />;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span>
        <span className="sr-only">Signed in as </span>
        <span data-testid="user-name" className="font-semibold">
          {displayName(user)}
        </span>
      </span>
      <Link href="/account" prefetch={false} className={LINK}>
        Account
      </Link>
      <form action={signOutAction}>
        <button type="submit" className={`${LINK} cursor-pointer`}>
          Sign out
        </button>
      </form>
    </div>
  );
}
