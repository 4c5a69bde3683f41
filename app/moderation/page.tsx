import type { Metadata } from "next";
import Link from "next/link";
import { ModerationQueue } from "@/components/moderation-queue";
import { SITE_TIMEZONE } from "@/lib/format/date";
import {
  countQueues,
  listCommentedArticles,
  listQueue,
  QUEUES,
  type QueueName,
} from "@/lib/moderation/dal/queues";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import { INPUT } from "@/components/moderation-styles";
import { paths } from "@/lib/paths";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Queues" };

const LABELS: Record<QueueName, string> = {
  pending: "Pending",
  reported: "Reported",
  rejected: "Rejected",
  spam: "Spam",
  all: "All recent",
};
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function QueuesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const queue = (QUEUES as readonly string[]).includes(one(params.queue) ?? "")
    ? (one(params.queue) as QueueName)
    : "pending";
  const articleId = one(params.article) || undefined;
  const actorId = await getSessionUserId();
  const [counts, page, articles] = await Promise.all([
    countQueues(actorId, articleId),
    listQueue(actorId, { queue, articleId, cursor: one(params.cursor) }),
    listCommentedArticles(),
  ]);
  if (!counts.ok || !page.ok) return <p>{counts.ok ? (page.ok ? "" : page.message) : counts.message}</p>;
  const href = (q: QueueName, cursor?: string) =>
    paths.moderation.queue({ queue: q, article: articleId, cursor });
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{LABELS[queue]}</h1>
      <nav aria-label="Queues" className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {QUEUES.map((q) => (
            <li key={q}>
              <Link
                href={href(q)}
                aria-current={q === queue ? "page" : undefined}
                className="rounded border border-neutral-400 px-3 py-1 aria-[current]:bg-neutral-900 aria-[current]:text-white dark:aria-[current]:bg-neutral-100 dark:aria-[current]:text-neutral-900"
              >
                {LABELS[q]} <span className="font-semibold">({counts.counts[q]})</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href="/moderation/appeals" className="rounded border border-neutral-400 px-3 py-1">
              Appeals <span className="font-semibold">({counts.counts.appeals})</span>
            </Link>
          </li>
        </ul>
      </nav>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <input type="hidden" name="queue" value={queue} />
        <label htmlFor="article-filter" className="text-sm font-semibold">
          Story
        </label>
        <select
          id="article-filter"
          name="article"
          defaultValue={articleId ?? ""}
          className={`${INPUT} max-w-md`}
        >
          <option value="">All stories</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.headline}
            </option>
          ))}
        </select>
        <Button variant="secondary" size="sm">
          Filter
        </Button>
        {articleId && (
          <Link href={paths.moderation.article(articleId)} className="underline">
            This story’s comment settings
          </Link>
        )}
      </form>
      <ModerationQueue items={page.items} queueLabel={LABELS[queue]} timeZone={SITE_TIMEZONE} />
      {page.nextCursor && (
        <p className="mt-4">
          <Link href={href(queue, page.nextCursor)} className="underline">
            Older comments
          </Link>
        </p>
      )}
    </>
  );
}
