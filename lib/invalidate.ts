// What a change to comments invalidates, shared by every action that makes one.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { refresh, revalidateTag, updateTag } from "next/cache";
import { after } from "next/server";
import { cacheTags } from "@/lib/cache-tags";
import { processWide } from "@/lib/stories/dal/reader-route-cache";

/**
 * The stories' comments and the front page's "most commented" rail expire at once (the acting reader
 * sees their change in this response; a stale-while-revalidate refresh re-read equally stale cached data
 * and kept the old page). Only the front page carries the counts tag: expiring the list tag instead
 * re-rendered every listing page, and the section navigation of every page, after each comment.
 */
export function commentsChanged(articleIds: Iterable<string>, { counts = true }: { counts?: boolean } = {}) {
  for (const id of new Set(articleIds)) updateTag(cacheTags.comments(id));
  if (counts) updateTag(cacheTags.commentCounts);
}

/** A staff decision or a hiding report: the same, and the (per-request) moderation page re-renders. */
export function commentsModerated(articleIds: Iterable<string>) {
  commentsChanged(articleIds);
  refresh();
}

/** Scores may lag this long: a story's comments expire at most once per window for votes. */
export const SCORE_BATCH_MS = 5_000;

export type ExpiryBatcher = {
  /** Something under `key` changed: expire it now, or once at the end of the current window. */
  touch(key: string): "now" | "scheduled" | "batched";
};

/**
 * Expires each key at most once per window: the first change expires it at once (`expireNow`); changes
 * inside the window that follows share one expiry when it ends (`later`), after which a new window
 * starts. So a stream of votes on one story re-renders its comments every `windowMs` at most.
 */
export function createExpiryBatcher({
  windowMs,
  expireNow,
  later,
  now = Date.now,
}: {
  windowMs: number;
  expireNow: (key: string) => void;
  /** Runs `expire` after `ms`. */
  later: (ms: number, key: string, expire: () => void) => void;
  now?: () => number;
}): ExpiryBatcher {
  const windows = new Map<string, { until: number; pending: boolean }>();
  return {
    touch(key) {
      const t = now();
      const open = windows.get(key);
      if (!open || (!open.pending && t >= open.until)) {
        // Forget stories whose window has passed, so the map holds only the ones being voted on now.
        if (windows.size > 1000)
          for (const [k, w] of windows) if (!w.pending && t >= w.until) windows.delete(k);
        windows.set(key, { until: t + windowMs, pending: false });
        expireNow(key);
        return "now";
      }
      if (open.pending) return "batched";
      open.pending = true;
      later(Math.max(0, open.until - t), key, () =>
        windows.set(key, { until: now() + windowMs, pending: false }),
      );
      return "scheduled";
    },
  };
}

/**
 * The deferred expiry runs in `after()`: a timer on its own would fire outside any request, where
 * neither updateTag nor revalidateTag has a cache store to write to (they throw "static generation
 * store missing"); after() keeps the vote request's context alive past its response, and Next
 * executes tags revalidated there once the callback ends. `revalidateTag(tag, { expire: 0 })` is
 * revalidateTag's immediate-expiry form, the one meant for code that is no longer the acting action.
 */
const scores = processWide("score-expiry", () =>
  createExpiryBatcher({
    windowMs: SCORE_BATCH_MS,
    expireNow: (articleId) => updateTag(cacheTags.comments(articleId)),
    later: (ms, articleId, started) => {
      try {
        after(async () => {
          await sleep(ms);
          started();
          revalidateTag(cacheTags.comments(articleId), { expire: 0 });
        });
      } catch {
        // No request to outlive (a script or test calling the action): expire now instead.
        started();
        updateTag(cacheTags.comments(articleId));
      }
    },
  }),
);

/** Other readers see a new comment within this window: a burst on one story expires it once per window. */
export const POST_BATCH_MS = 1_000;

/**
 * Expires `tag` just after the action has answered (after `delayMs`), so the answer carries no
 * re-render of the page: an expiry inside the action (updateTag, or revalidateTag with expire: 0)
 * makes Next render the whole story page into the action's response, which was most of what a
 * comment post cost. Outside a request (a script or test calling the action) it expires at once.
 */
function expireAfterAnswer(tag: string, delayMs = 0, started?: () => void) {
  try {
    after(async () => {
      if (delayMs > 0) await sleep(delayMs);
      started?.();
      revalidateTag(tag, { expire: 0 });
    });
  } catch {
    started?.();
    updateTag(tag);
  }
}

const posts = processWide("post-expiry", () =>
  createExpiryBatcher({
    windowMs: POST_BATCH_MS,
    expireNow: (tag) => expireAfterAnswer(tag),
    later: (ms, tag, started) => expireAfterAnswer(tag, ms, started),
  }),
);

/**
 * A new comment or reply (with JavaScript). The writer's form adds it to their thread from the answer
 * (components/posted-comments.tsx); everyone else gets it from the story's cached page, expired just
 * after the answer and then at most once per POST_BATCH_MS, with the front page's counts.
 */
export function commentPosted(articleId: string) {
  posts.touch(cacheTags.comments(articleId));
  posts.touch(cacheTags.commentCounts);
}

/**
 * A vote changed a score. The voter sees the new score at once (the action returns it to the comment
 * island); everyone else sees it within SCORE_BATCH_MS, and a burst of votes re-renders the story's
 * comments once per window instead of once per vote.
 */
export function scoresChanged(articleId: string) {
  scores.touch(articleId);
}
