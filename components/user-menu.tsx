"use client";
// The reader's sign-in state in the header: "Sign in", or their name, Account, Sign out (and Moderation
// for staff). The header is part of static, shared pages, so this fills itself in the browser from
// /api/viewer. Without JavaScript the reader sees "Sign in", whose page says who is signed in.
import { signOutAction } from "@/lib/accounts/actions/auth";
import { AuthSignInLink } from "./auth-signin-link";
import { markSignedOut, useViewer } from "./viewer-store";

const LINK = "font-semibold underline-offset-4 hover:underline";

export function UserMenu() {
  const viewer = useViewer();
  const user = viewer.status === "ready" ? viewer.data.user : null;
  if (!user) return <AuthSignInLink className={`${LINK} text-sm`} />;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      {user.staff ? (
        <a href="/moderation" className={LINK}>
          Moderation
        </a>
      ) : null}
      <span>
        <span className="sr-only">Signed in as </span>
        <span data-testid="user-name" className="font-semibold">
          {user.name}
        </span>
      </span>
      <a href="/account" className={LINK}>
        Account
      </a>
      <form action={signOutAction} onSubmit={markSignedOut}>
        <button type="submit" className={`${LINK} cursor-pointer`}>
          Sign out
        </button>
      </form>
    </div>
  );
}
