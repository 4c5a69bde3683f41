"use client";
// The comments this reader posted from this page, shown in the thread at once. A post no longer
// re-renders the story page in the action's answer (lib/invalidate.ts expires the cached page
// for everyone just after the answer, batched per story), so the writer's copy is added here from what
// they wrote and the id the action answered. An entry goes as soon as the page itself carries the
// comment (a reload, or a later action's render): the server's copy, with its Markdown, wins.

export type PostedComment = {
  id: string;
  articleId: string;
  /** The comment answered, or null for a new thread. */
  parentId: string | null;
  /** As written: shown as plain text, as the reader's own box shows it. */
  body: string;
  createdAt: string;
};

const NONE: PostedComment[] = [];
let entries: PostedComment[] = NONE;
const listeners = new Set<() => void>();
let observer: MutationObserver | null = null;

function publish(next: PostedComment[]) {
  entries = next;
  for (const listener of listeners) listener();
}

/** True when the page (not this store) renders the comment: a server copy has its id. */
function renderedByPage(id: string): boolean {
  return document.querySelector(`[id="comment-${CSS.escape(id)}"]:not([data-posted])`) !== null;
}

function prune() {
  const left = entries.filter((e) => !renderedByPage(e.id));
  if (left.length !== entries.length) publish(left.length ? left : NONE);
}

export function addPostedComment(comment: PostedComment) {
  if (entries.some((e) => e.id === comment.id) || renderedByPage(comment.id)) return;
  publish([...entries, comment]);
  // Router updates replace the thread's HTML: drop the copies the new HTML carries.
  if (!observer && typeof MutationObserver !== "undefined") {
    observer = new MutationObserver(prune);
    observer.observe(document.body, { childList: true, subtree: true });
  }
}

export function subscribePosted(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const postedSnapshot = () => entries;
export const postedServerSnapshot = () => NONE;
