import type { Metadata } from "next";
import { SiteSettingsForm } from "@/components/moderation-forms";
import { getSiteSettings } from "@/lib/moderation/dal/settings";
import { staffActor } from "@/lib/moderation/dal/staff";
import { getSessionUserId } from "@/lib/accounts/dal/users";

export const metadata: Metadata = { title: "Settings" };

// Admins edit the site's rules; moderators see them (read-only) so they know why a comment was held.
export default async function SettingsPage() {
  const [actor, settings] = await Promise.all([
    staffActor(await getSessionUserId(), "ADMIN"),
    getSiteSettings(),
  ]);
  const canEdit = !("ok" in actor);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Moderation settings</h1>
      {!canEdit && <p className="mb-4">Only an administrator can change these.</p>}
      <SiteSettingsForm settings={settings} canEdit={canEdit} />
    </>
  );
}
