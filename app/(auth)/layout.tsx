import { connection } from "next/server";
import { SiteFooter, SiteHeader } from "@/components/site-chrome";

// Sign-in and account pages are personal and rendered whole for each request: no prerendered shell is
// sent ahead, so a signed-out visit to /account gets a real HTTP redirect and every form is complete
// in the first response, which is what a browser without JavaScript needs.
export const instant = false;

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-xl px-4 py-10 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
