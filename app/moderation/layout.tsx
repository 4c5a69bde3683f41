import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireModerator } from "@/lib/moderation/dal/staff";

// Staff only. The role is re-read from the database here before anything renders, so a reader (or a
// moderator demoted a second ago) gets the 404 page and never a flash of the staff UI.
export const instant = false;

export const metadata: Metadata = {
  title: { default: "Moderation", template: "%s | Moderation" },
  robots: { index: false },
};

const NAV = [
  ["/moderation", "Queues"],
  ["/moderation/appeals", "Appeals"],
  ["/moderation/users", "Users"],
  ["/moderation/log", "Audit log"],
  ["/moderation/settings", "Settings"],
];

export default async function ModerationLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireModerator();
  if (!staff) notFound();
  return (
    <>
      <header className="border-b border-neutral-300 dark:border-neutral-700">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold">
            ← Site
          </Link>
          <nav aria-label="Moderation">
            <ul className="flex flex-wrap gap-4">
              {NAV.map(([href, label]) => (
                <li key={href}>
                  <Link href={href} className="underline hover:no-underline">
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <p className="ml-auto text-sm">
            {staff.name ?? "Staff"} ({staff.role === "ADMIN" ? "Admin" : "Moderator"})
          </p>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </>
  );
}
