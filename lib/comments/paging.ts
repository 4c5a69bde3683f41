// How threads fill pages. A page holds whole threads, in order, while their comments (the top-level
// one and its shown replies) fit its size; it always holds at least one, so a thread longer than a
// page is shown whole on a page of its own. Counting comments, not threads, keeps a page of a long
// conversation as light as a page of a short one: 50 threads of a 20,000-comment story once made a
// page of 379 comments.
import { COMMENT_PAGE_SIZE, STORY_PAGE_COMMENTS } from "./types";

/** How many of these threads (sizes in comments, in page order) make the page they start. */
export function threadsOnPage(sizes: readonly number[], size: number, from = 0): number {
  let comments = 0;
  let n = 0;
  for (let i = from; i < sizes.length; i++) {
    const next = comments + Math.max(1, sizes[i]);
    if (n > 0 && next > size) break;
    comments = next;
    n++;
  }
  return n;
}

/**
 * Where the thread at `index` is shown in the chain a permalink follows: the story page first (its own,
 * smaller size), then later pages of COMMENT_PAGE_SIZE. Returns the index of the page's first thread
 * (0: the story page itself).
 */
export function pageStartOf(
  sizes: readonly number[],
  index: number,
  first = STORY_PAGE_COMMENTS,
  rest = COMMENT_PAGE_SIZE,
): number {
  let start = 0;
  let size = first;
  for (;;) {
    const n = threadsOnPage(sizes, size, start);
    if (n === 0 || index < start + n) return start;
    start += n;
    size = rest;
  }
}
