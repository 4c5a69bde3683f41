import type { Metadata } from "next";
import Link from "next/link";
import { INPUT } from "@/components/moderation-styles";
import { searchUsers } from "@/lib/moderation/dal/users";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import { paths } from "@/lib/paths";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q : "";
  const cursor = typeof params.cursor === "string" ? params.cursor : null;
  const page = await searchUsers(await getSessionUserId(), { q, cursor });
  if (!page.ok) return <p>{page.message}</p>;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Users</h1>
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <label htmlFor="user-q" className="font-semibold">
          Name or e-mail
        </label>
        <input id="user-q" name="q" type="search" defaultValue={q} className={INPUT} />
        <Button variant="secondary" size="sm">
          Search
        </Button>
      </form>
      {page.items.length === 0 && <p>No users match.</p>}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Users, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((u) => (
            <tr key={u.id} className="[&>td]:py-1 border-t border-neutral-300 dark:border-neutral-700">
              <td>
                <Link href={paths.moderation.user(u.id)} className="inline-block py-1 underline">
                  {u.name ?? `Reader ${u.id.slice(-5)}`}
                </Link>
              </td>
              <td>{u.email ?? "—"}</td>
              <td>{u.role}</td>
              <td>{u.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.nextCursor && (
        <p className="mt-4">
          <Link href={paths.moderation.users({ q, cursor: page.nextCursor })} className="underline">
            More users
          </Link>
        </p>
      )}
    </>
  );
}
