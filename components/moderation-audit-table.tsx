// Audit records as a table (the log page and a user's page).
import type { AuditRecord } from "@/lib/moderation/dal/audit-log";
import { paths } from "@/lib/paths";
import { SITE_TIMEZONE } from "@/lib/format/date";
import { Time } from "./ui/time";

export function AuditTable({
  rows,
  caption = "Audit records, newest first",
}: {
  rows: AuditRecord[];
  caption?: string;
}) {
  if (rows.length === 0) return <p>No records.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Before → after</th>
            <th scope="col">Reason / note</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-neutral-300 align-top dark:border-neutral-700">
              <td>
                <Time date={r.createdAt} timeZone={SITE_TIMEZONE} format="precise" />
              </td>
              <td>{r.actorName ?? "System"}</td>
              <td>{r.action}</td>
              <td>
                {r.targetType === "user" ? (
                  <a href={paths.moderation.user(r.targetId)} className="inline-block py-1 underline">
                    user {r.targetId.slice(-6)}
                  </a>
                ) : (
                  `${r.targetType} ${r.targetId.slice(-6)}`
                )}
              </td>
              <td>
                {r.before ?? "—"} → {r.after ?? "—"}
              </td>
              <td>{[r.reason, r.note].filter(Boolean).join(" — ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
