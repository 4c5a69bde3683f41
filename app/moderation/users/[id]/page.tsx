import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiftSanctionButton, RoleForm, SanctionForm } from "@/components/moderation-forms";
import { AuditTable } from "@/components/moderation-audit-table";
import { getUserDetail } from "@/lib/moderation/dal/users";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import { paths } from "@/lib/paths";
import { SITE_TIMEZONE } from "@/lib/format/date";
import { Time } from "@/components/ui/time";

export const metadata: Metadata = { title: "User" };

const LIFT_LABELS = {
  suspend: "Lift suspension",
  ban: "Lift ban",
  premoderate: "Stop pre-moderating",
  shadowban: "Lift shadow-ban",
};
const NAMES = {
  suspend: "Suspended",
  ban: "Banned",
  premoderate: "Pre-moderated",
  shadowban: "Shadow-banned",
};

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await getUserDetail(await getSessionUserId(), id);
  if (!result.ok) notFound();
  const { history: h, cannotSanction, canChangeRole, log } = result.user;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{h.name ?? `Reader ${h.id.slice(-5)}`}</h1>
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">E-mail</dt>
        <dd>{h.email ?? "none"}</dd>
        <dt className="font-semibold">Role</dt>
        <dd>{h.role}</dd>
        <dt className="font-semibold">Joined</dt>
        <dd>
          <Time date={h.joinedAt} timeZone={SITE_TIMEZONE} format="short" />
        </dd>
        <dt className="font-semibold">Comments</dt>
        <dd>
          {h.comments} ({h.published} published, {h.pending} pending, {h.rejected} rejected, {h.spam} spam) ·{" "}
          <Link href={paths.moderation.log({ user: h.id })} className="underline">
            their record in the log
          </Link>
        </dd>
        <dt className="font-semibold">Reports received</dt>
        <dd>{h.reportsReceived}</dd>
      </dl>
      <section aria-labelledby="sanctions-heading" className="mb-6">
        <h2 id="sanctions-heading" className="mb-2 text-xl font-semibold">
          Sanctions
        </h2>
        {h.sanctions.length === 0 ? (
          <p>None in force.</p>
        ) : (
          <ul className="space-y-2">
            {h.sanctions.map((s) => (
              <li key={s.kind} className="flex flex-wrap items-center gap-3">
                <span>
                  {NAMES[s.kind]}
                  {s.until ? (
                    <>
                      {" until "}
                      <Time date={s.until} timeZone={SITE_TIMEZONE} format="short" />
                    </>
                  ) : null}
                  {s.reason ? ` — ${s.reason}` : ""}
                </span>
                {!cannotSanction && (
                  <LiftSanctionButton userId={h.id} sanction={s.kind} label={LIFT_LABELS[s.kind]} />
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4">
          {cannotSanction ? <p>{cannotSanction}</p> : <SanctionForm userId={h.id} />}
        </div>
      </section>
      {canChangeRole && (
        <section aria-labelledby="role-heading" className="mb-6">
          <h2 id="role-heading" className="mb-2 text-xl font-semibold">
            Role
          </h2>
          <RoleForm userId={h.id} role={h.role} />
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-xl font-semibold">
          Recent decisions about this user
        </h2>
        <AuditTable rows={log} />
      </section>
    </>
  );
}
