"use client";
import { useRouter } from "next/navigation";
import { paths } from "@/lib/paths";

const NO_RETURN = /^\/(signin|account\/deleted)(\/|$)/;

/** The sign-in page, coming back to `pathname` unless that is the front page or a sign-in page. */
function signInPathFor(pathname: string): string {
  return pathname && pathname !== "/" && !NO_RETURN.test(pathname) ? paths.signIn(pathname) : "/signin";
}

/**
 * "Sign in", bringing the reader back to the page they were on. The header is shared by static pages,
 * so the page is read when the link is used, not while rendering (usePathname would make every story
 * page wait on the request). Without JavaScript, /signin falls back on the Referer header.
 */
export function AuthSignInLink({ className }: { className?: string }) {
  const router = useRouter();
  return (
    <a
      href="/signin"
      onClick={(event) => {
        const target = signInPathFor(window.location.pathname);
        // Also right for a new tab or window: the browser reads the address after this handler.
        event.currentTarget.href = target;
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        router.push(target);
      }}
      className={className}
    >
      Sign in
    </a>
  );
}
