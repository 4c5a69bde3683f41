import type { Metadata } from "next";
import Link from "next/link";
import { AppealDecisionForm } from "@/components/moderation-forms";
import { describeReason } from "@/components/moderation-item";
import { listAppeals } from "@/lib/moderation/dal/queues";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Appeals" };

const ACTIONS: Record<string, string> = {
  "user.suspend": "Suspension",
  "user.ban": "Ban",
  "user.premoderate": "Pre-moderation",
};

export default async function AppealsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const decided = params.show === "decided";
  const cursor = typeof params.cursor === "string" ? params.cursor : null;
  const page = await listAppeals(await getSessionUserId(), { decided, cursor });
  if (!page.ok) return <p>{page.message}</p>;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{decided ? "Decided appeals" : "Open appeals"}</h1>
      <p className="mb-4">
        <Link
          href={decided ? "/moderation/appeals" : "/moderation/appeals?show=decided"}
          className="underline"
        >
          {decided ? "Show open appeals" : "Show decided appeals"}
        </Link>
      </p>
      {page.items.length === 0 && <p>No appeals here.</p>}
      <ol className="space-y-4">
        {page.items.map((a) => (
          <li key={a.id} className="rounded border border-neutral-300 p-3 dark:border-neutral-700">
            <h2 className="font-semibold">
              {a.author ? (
                <Link href={paths.moderation.user(a.author.id)} className="underline">
                  {a.author.name ?? `Reader ${a.author.id.slice(-5)}`}
                </Link>
              ) : (
                "Deleted account"
              )}{" "}
              appeals{" "}
              {a.comment
                ? "a rejected comment"
                : a.sanction
                  ? (ACTIONS[a.sanction.action] ?? "a sanction").toLowerCase()
                  : "something"}
            </h2>
            {a.comment && (
              <div className="text-sm">
                <p>
                  On{" "}
                  <Link href={paths.article(a.comment.article.slug)} className="underline">
                    {a.comment.article.headline}
                  </Link>{" "}
                  · now {a.comment.status} ·{" "}
                  {describeReason(a.comment.moderationReason) ?? "no reason recorded"}
                </p>
                <blockquote className="my-1 border-l-4 border-neutral-300 pl-3 dark:border-neutral-600">
                  {a.comment.body}
                </blockquote>
              </div>
            )}
            {a.sanction && (
              <p className="text-sm">
                {ACTIONS[a.sanction.action]} by {a.sanction.actorName ?? "the system"}:{" "}
                {a.sanction.reason ?? "no reason given"}
              </p>
            )}
            <p className="mt-2">“{a.text}”</p>
            {a.status === "OPEN" ? (
              <AppealDecisionForm appealId={a.id} />
            ) : (
              <p className="mt-2 text-sm font-semibold">
                {a.status === "UPHELD" ? "Upheld" : "Denied"}
                {a.decisionNote ? `: ${a.decisionNote}` : ""}
              </p>
            )}
          </li>
        ))}
      </ol>
      {page.nextCursor && (
        <p className="mt-4">
          <Link
            href={paths.moderation.appeals({ show: decided && "decided", cursor: page.nextCursor })}
            className="underline"
          >
            Older appeals
          </Link>
        </p>
      )}
    </>
  );
}
