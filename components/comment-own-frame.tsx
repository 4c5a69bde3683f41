// The box holding a signed-in reader's own comments that nobody else sees on a story. Shared by the
// server-rendered comments page (comment-own-box.tsx) and the story page's client island.
import { AWAITING_MODERATION } from "@/lib/moderation/visibility";
import { OWN_COMMENTS_ANCHOR } from "@/lib/accounts/viewer";

export function OwnCommentsFrame({ children }: { children: React.ReactNode }) {
  return (
    <section
      id={OWN_COMMENTS_ANCHOR}
      aria-labelledby="your-comments-heading"
      className="mt-6 scroll-mt-24 rounded border border-neutral-300 p-3 target:bg-amber-50 dark:border-neutral-700 dark:target:bg-neutral-800"
    >
      <h3 id="your-comments-heading" className="font-semibold">
        Your recent comments
      </h3>
      <ol className="divide-y divide-neutral-200 dark:divide-neutral-800">{children}</ol>
    </section>
  );
}

export function AwaitingLabel() {
  return (
    <p className="mt-2 text-sm font-semibold text-amber-900 dark:text-amber-200">{AWAITING_MODERATION}</p>
  );
}
