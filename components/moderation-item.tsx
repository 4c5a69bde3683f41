// One queued comment as a moderator sees it: the story, the comment it answers, the author's record,
// and what put it in the queue. Rendered inside the queue's client component.
import type { QueueItem } from "@/lib/moderation/dal/queues";
import { REJECT_REASONS, REPORT_REASONS } from "@/lib/moderation/schema";
import { paths } from "@/lib/paths";
import { formatInstant } from "@/lib/format/instant";
import { Time } from "./ui/time";

const days = (d: Date) => Math.max(0, Math.floor((Date.now() - d.getTime()) / 86_400_000));

/** "links:3" → "More links than allowed (3)". */
export function describeReason(reason: string | null): string | null {
  if (!reason) return null;
  const [kind, ...rest] = reason.split(":");
  const value = rest.join(":");
  switch (kind) {
    case "links":
      return `Held: more links than allowed (${value})`;
    case "suspect-word":
      return `Held: suspect word “${value}”`;
    case "banned-word":
      return `Rejected automatically: banned word “${value}”`;
    case "premoderate":
      return value === "user"
        ? "Held: this user is pre-moderated"
        : `Held: pre-moderation (${value.replace(":", ", ")})`;
    case "reports":
      return `Hidden after ${value} reader reports`;
    case "shadow-ban":
      return "Author is shadow-banned";
    case "ban":
      return "Rejected when the author was banned";
    case "spam":
      return "Marked as spam";
    default:
      return REJECT_REASONS[kind as keyof typeof REJECT_REASONS] ?? reason;
  }
}

export function QueueItemBody({
  item,
  headingId,
  timeZone,
}: {
  item: QueueItem;
  headingId: string;
  /** SITE_TIMEZONE, from the page: this renders inside the queue's client component. */
  timeZone: string;
}) {
  const when = (d: Date) => formatInstant(d, "short", timeZone);
  const a = item.author;
  const why = describeReason(item.moderationReason);
  return (
    <div className="space-y-2">
      <h3 id={headingId} className="text-base font-semibold">
        {a ? (
          <a href={paths.moderation.user(a.id)} className="underline">
            {a.name ?? `Reader ${a.id.slice(-5)}`}
          </a>
        ) : (
          "Deleted account"
        )}{" "}
        on{" "}
        <a href={paths.article(item.article.slug)} className="underline">
          {item.article.headline}
        </a>
      </h3>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        <Time date={item.createdAt} timeZone={timeZone} format="short" /> · {item.status}
        {item.featured ? " · featured" : ""}
        {item.pinned ? " · pinned" : ""}
        {why ? ` · ${why}` : ""}
      </p>
      {item.inReplyTo && (
        <blockquote className="border-l-4 border-neutral-300 pl-3 text-sm text-neutral-700 dark:border-neutral-600 dark:text-neutral-300">
          In reply to {item.inReplyTo.authorName ?? "a reader"}: {item.inReplyTo.body.slice(0, 280)}
        </blockquote>
      )}
      {item.withdrawnAt && (
        <p className="text-sm font-semibold">
          Withdrawn by the author on <Time date={item.withdrawnAt} timeZone={timeZone} format="short" />:
          readers no longer see it, and approving or restoring it deletes it.
        </p>
      )}
      <p className="whitespace-pre-wrap break-words">{item.body}</p>
      {item.previousBody !== null && item.previousBody !== item.body && (
        <p className="whitespace-pre-wrap break-words border-l-4 border-amber-400 pl-3 text-sm text-neutral-700 dark:text-neutral-300">
          Edited; before: {item.previousBody}
        </p>
      )}
      {item.reports.length > 0 && (
        <ul className="list-disc pl-5 text-sm" aria-label="Open reports">
          {item.reports.map((r, i) => (
            <li key={i}>
              {REPORT_REASONS[r.reason as keyof typeof REPORT_REASONS] ?? r.reason}
              {r.note ? `: “${r.note}”` : ""} — {r.reporterName ?? "a reader"}
            </li>
          ))}
        </ul>
      )}
      {a && (
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          Member for {days(a.joinedAt)} days · {a.comments} comments · {a.rejected} rejected · {a.spam} spam ·{" "}
          {a.reportsReceived} reports
          {a.role !== "READER" ? ` · ${a.role === "ADMIN" ? "Admin" : "Moderator"}` : ""}
          {a.sanctions
            .map(
              (s) =>
                ` · ${s.kind === "suspend" && s.until ? `Suspended until ${when(s.until)}` : SANCTION_WORDS[s.kind]}`,
            )
            .join("")}
        </p>
      )}
    </div>
  );
}

const SANCTION_WORDS = {
  suspend: "Suspended",
  ban: "Banned",
  premoderate: "Pre-moderated",
  shadowban: "Shadow-banned",
};
