"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const NO_RETURN = /^\/(signin|account\/deleted)(\/|$)/;

/** "Sign in", bringing the reader back to the page they were on. */
export function AuthSignInLink({ className }: { className?: string }) {
  const pathname = usePathname();
  const href =
    pathname && pathname !== "/" && !NO_RETURN.test(pathname)
      ? `/signin?callbackUrl=${encodeURIComponent(pathname)}`
      : "/signin";
  return (
    <Link href={href} prefetch={false} className={className}>
      Sign in
    </Link>
  );
}
