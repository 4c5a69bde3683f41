"use client";
// A queue page's comments with their actions, bulk selection and keyboard shortcuts (j/k move, a approve,
// r reject with the item's chosen reason, s spam, ? help). Every control is a plain form, so the queue
// works before JavaScript loads; the shortcuts press the same buttons.
import { usePageActionState } from "./use-page-action-state";
import { useEffect, useRef, useState } from "react";
import { decideComment, decideComments, replyToCommentAsStaff } from "@/lib/moderation/actions/decisions";
import type { QueueItem } from "@/lib/moderation/dal/queues";
import { REJECT_REASONS } from "@/lib/moderation/schema";
import { QueueItemBody } from "./moderation-item";
import { INPUT } from "./moderation-styles";
import { SubmitButton } from "./ui/submit-button";
import { FormMessage } from "./form-message";
import { useHydrated } from "./comment-form-parts";

const SHORTCUTS: Record<string, string> = { a: "approve", r: "reject", s: "spam" };

function actionsFor(item: QueueItem): string[] {
  const out: string[] = [];
  if (item.status === "PENDING" || (item.status === "PUBLISHED" && item.reportCount > 0)) out.push("approve");
  if (item.status === "REJECTED" || item.status === "SPAM") out.push("restore");
  if (item.status === "PUBLISHED") out.push(item.featured ? "unfeature" : "feature");
  if (item.status === "PUBLISHED" && item.depth === 1) out.push(item.pinned ? "unpin" : "pin");
  if (item.status !== "SPAM" && item.status !== "DELETED") out.push("spam");
  return out;
}
const LABELS: Record<string, string> = {
  approve: "Approve",
  restore: "Restore",
  feature: "Feature",
  unfeature: "Unfeature",
  pin: "Pin",
  unpin: "Unpin",
  spam: "Spam",
  reject: "Reject",
};

export function ModerationQueue({
  items,
  queueLabel,
  timeZone,
}: {
  items: QueueItem[];
  queueLabel: string;
  timeZone: string;
}) {
  const [state, decide] = usePageActionState(decideComment, null);
  const [bulkState, decideMany] = usePageActionState(decideComments, null);
  const [active, setActive] = useState(0);
  const [announce, setAnnounce] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const help = useRef<HTMLDialogElement>(null);
  const hydrated = useHydrated();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || t.closest("input, textarea, select, dialog[open]")) return;
      const entries = list.current?.querySelectorAll<HTMLElement>("[data-queue-item]") ?? [];
      if (e.key === "?") {
        help.current?.showModal();
        return;
      }
      if (entries.length === 0) return;
      const current = Math.min(active, entries.length - 1);
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        const next = e.key === "j" ? Math.min(current + 1, entries.length - 1) : Math.max(current - 1, 0);
        setActive(next);
        entries[next].focus();
        setAnnounce(`Comment ${next + 1} of ${entries.length}.`);
      } else if (SHORTCUTS[e.key]) {
        const button = entries[current].querySelector<HTMLButtonElement>(
          `button[value="${SHORTCUTS[e.key]}"]`,
        );
        if (!button?.form) return setAnnounce(`Cannot ${SHORTCUTS[e.key]} this comment.`);
        e.preventDefault();
        button.form.requestSubmit(button);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [active]);

  // After a decision the list is shorter: keep focus on the comment now in the same place.
  useEffect(() => {
    const entries = list.current?.querySelectorAll<HTMLElement>("[data-queue-item]") ?? [];
    if (entries.length && state) entries[Math.min(active, entries.length - 1)].focus();
  }, [items, state, active]);

  return (
    <div>
      {/* Only once the shortcuts work: in the server's HTML (and without JavaScript) they do nothing. */}
      {hydrated ? (
        <p className="mb-2 text-sm">
          Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> approve, <kbd>r</kbd> reject, <kbd>s</kbd>{" "}
          spam,{" "}
          <button type="button" className="underline" onClick={() => help.current?.showModal()}>
            <kbd>?</kbd> all shortcuts
          </button>
        </p>
      ) : null}
      <div aria-live="polite" role="status" className="sr-only">
        {announce}
      </div>
      <FormMessage state={state} />
      {items.length === 0 ? (
        <p className="my-6">Nothing in {queueLabel}. Well done.</p>
      ) : (
        <>
          <form
            id="bulk-form"
            action={decideMany}
            className="my-3 flex flex-wrap items-end gap-2 border-y border-neutral-300 py-2 dark:border-neutral-700"
          >
            <label className="text-sm font-semibold" htmlFor="bulk-decision">
              With selected
            </label>
            <select id="bulk-decision" name="decision" className={INPUT} defaultValue="approve">
              {["approve", "reject", "spam", "restore", "feature", "unfeature", "pin", "unpin"].map((d) => (
                <option key={d} value={d}>
                  {LABELS[d]}
                </option>
              ))}
            </select>
            <label className="text-sm font-semibold" htmlFor="bulk-reason">
              Reason
            </label>
            <select id="bulk-reason" name="reason" className={INPUT} defaultValue="RULES">
              {Object.entries(REJECT_REASONS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
            <SubmitButton size="sm" variant="primary">
              Apply to selected
            </SubmitButton>
            <FormMessage state={bulkState} />
          </form>
          <ol ref={list} className="space-y-4">
            {items.map((item, i) => (
              <li key={item.id}>
                <article
                  data-queue-item
                  tabIndex={-1}
                  aria-labelledby={`q-${item.id}`}
                  aria-current={i === active ? "true" : undefined}
                  className="rounded border border-neutral-300 p-3 focus:outline-2 focus:outline-offset-2 aria-[current]:border-neutral-900 dark:border-neutral-700 dark:aria-[current]:border-neutral-100"
                >
                  <label className="mb-2 flex items-center gap-2 text-sm">
                    <input type="checkbox" name="ids" value={item.id} form="bulk-form" />
                    Select
                  </label>
                  <QueueItemBody item={item} headingId={`q-${item.id}`} timeZone={timeZone} />
                  <form action={decide} className="mt-3 flex flex-wrap items-end gap-2">
                    <input type="hidden" name="commentId" value={item.id} />
                    {actionsFor(item).map((d) => (
                      <SubmitButton
                        size="sm"
                        key={d}
                        name="decision"
                        value={d}
                        variant={d === "approve" || d === "restore" ? "primary" : "secondary"}
                      >
                        {LABELS[d]}
                      </SubmitButton>
                    ))}
                    {(item.status === "PUBLISHED" || item.status === "PENDING") && (
                      <span className="flex flex-wrap items-end gap-2">
                        <label className="sr-only" htmlFor={`reason-${item.id}`}>
                          Reason for rejecting
                        </label>
                        <select id={`reason-${item.id}`} name="reason" className={INPUT} defaultValue="RULES">
                          {Object.entries(REJECT_REASONS).map(([k, v]) => (
                            <option key={k} value={k}>
                              {v}
                            </option>
                          ))}
                        </select>
                        <label className="sr-only" htmlFor={`note-${item.id}`}>
                          Note (optional)
                        </label>
                        <input
                          type="text"
                          id={`note-${item.id}`}
                          name="note"
                          placeholder="Note (optional)"
                          className={INPUT}
                          maxLength={500}
                        />
                        <SubmitButton size="sm" name="decision" value="reject" variant="danger">
                          Reject
                        </SubmitButton>
                      </span>
                    )}
                  </form>
                  {item.status === "PUBLISHED" && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm underline">Reply as staff</summary>
                      <StaffReply commentId={item.id} />
                    </details>
                  )}
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
      <dialog ref={help} aria-labelledby="shortcuts-title" className="rounded p-4 backdrop:bg-black/50">
        <h2 id="shortcuts-title" className="mb-2 text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4">
          {[
            ["j", "Next comment"],
            ["k", "Previous comment"],
            ["a", "Approve"],
            ["r", "Reject with the reason chosen in the item"],
            ["s", "Mark as spam"],
            ["?", "This help"],
          ].map(([k, v]) => (
            <div key={k} className="contents">
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-3">
          <button type="submit" className="underline">
            Close
          </button>
        </form>
      </dialog>
    </div>
  );
}

function StaffReply({ commentId }: { commentId: string }) {
  const [state, reply] = usePageActionState(replyToCommentAsStaff, null);
  return (
    <form action={reply} className="mt-2 space-y-2">
      <input type="hidden" name="commentId" value={commentId} />
      <label htmlFor={`reply-${commentId}`} className="block text-sm font-semibold">
        Your reply (shown with a Staff badge)
      </label>
      <textarea id={`reply-${commentId}`} name="body" required rows={3} className={`${INPUT} w-full`} />
      <SubmitButton size="sm" variant="primary">
        Publish reply
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
