import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/moderation-audit-table";
import { INPUT } from "@/components/moderation-styles";
import { listAuditActions, listAuditLog } from "@/lib/moderation/dal/audit-log";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import { paths } from "@/lib/paths";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Audit log" };

const FILTERS = [
  ["moderator", "actorId", "Moderator id"],
  ["user", "subjectUserId", "User id"],
  ["article", "articleId", "Story id"],
] as const;

export default async function LogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const get = (k: string) => (typeof params[k] === "string" && params[k] ? (params[k] as string) : undefined);
  const filter = {
    actorId: get("moderator"),
    subjectUserId: get("user"),
    articleId: get("article"),
    action: get("action"),
    cursor: get("cursor"),
  };
  const [page, actions] = await Promise.all([
    listAuditLog(await getSessionUserId(), filter),
    listAuditActions(),
  ]);
  if (!page.ok) return <p>{page.message}</p>;
  const kept = Object.fromEntries(
    [...FILTERS.map(([q]) => q), "action"].flatMap((k) => (get(k) ? [[k, get(k)!]] : [])),
  );
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Audit log</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        {FILTERS.map(([name, , label]) => (
          <div key={name}>
            <label htmlFor={`log-${name}`} className="block text-sm font-semibold">
              {label}
            </label>
            <input
              type="text"
              id={`log-${name}`}
              name={name}
              defaultValue={get(name) ?? ""}
              className={INPUT}
            />
          </div>
        ))}
        <div>
          <label htmlFor="log-action" className="block text-sm font-semibold">
            Action
          </label>
          <select id="log-action" name="action" defaultValue={get("action") ?? ""} className={INPUT}>
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary" size="sm">
          Filter
        </Button>
      </form>
      <AuditTable rows={page.items} />
      {page.nextCursor && (
        <p className="mt-4">
          <Link href={paths.moderation.log({ ...kept, cursor: page.nextCursor })} className="underline">
            Older records
          </Link>
        </p>
      )}
    </>
  );
}
