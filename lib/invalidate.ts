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
  /** Something under `key` changed: expire it now (and again when the window ends), or once when it ends. */
  touch(key: string): "now" | "scheduled" | "batched";
};

/**
 * Expires each key at most once per window: the first change expires it at once (`expireNow`) and once
 * more when the window ends (`later`), which the changes inside the window share; a new window starts
 * then. So a stream of votes on one story re-renders its comments every `windowMs` at most.
 *
 * The second expiry is there even for a lone change: an expiry cannot reach a render that read the
 * comments before the change was committed and stores its page after the expiry. Our page cache stamps
 * a page with its render's start for that (cache-handlers/page-cache.js), but a render that starts after
 * the expiry can still join another request's `"use cache"` fill that started before it (Next shares
 * one fill among concurrent requests and does not re-check that fill against later invalidations), and
 * that page would be served without the change until the comments' one-minute lifetime ran out. One
 * more expiry a window later replaces it. (`npm run bench -- --cluster` once saw a comment posted
 * through one instance still missing from that instance's page after 10 s. This is the one way we found
 * that it could happen; we did not reproduce it.)
 */
export function createExpiryBatcher({
  windowMs,
  expireNow,
  later,
  now = Date.now,
}: {
  windowMs: number;
  expireNow: (key: string) => void;
  /**
   * Calls `started` and expires `key` after `ms`. `repeat`: this one follows an expiry made at once
   * (outside a request, where `started` runs at once too and no render can be under way, it may skip
   * the expiry itself).
   */
  later: (ms: number, key: string, started: () => void, repeat: boolean) => void;
  now?: () => number;
}): ExpiryBatcher {
  const windows = new Map<string, { until: number; pending: boolean }>();
  return {
    touch(key) {
      const t = now();
      const open = windows.get(key);
      const reopen = () => windows.set(key, { until: now() + windowMs, pending: false });
      if (!open || (!open.pending && t >= open.until)) {
        // Forget stories whose window has passed, so the map holds only the ones being voted on now.
        if (windows.size > 1000)
          for (const [k, w] of windows) if (!w.pending && t >= w.until) windows.delete(k);
        windows.set(key, { until: t + windowMs, pending: true });
        expireNow(key);
        later(windowMs, key, reopen, true);
        return "now";
      }
      if (open.pending) return "batched";
      open.pending = true;
      later(Math.max(0, open.until - t), key, reopen, false);
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
    later: (ms, articleId, started, repeat) => {
      try {
        after(async () => {
          await sleep(ms);
          started();
          revalidateTag(cacheTags.comments(articleId), { expire: 0 });
        });
      } catch {
        // No request to outlive (a script or test calling the action): expire now instead.
        started();
        if (!repeat) updateTag(cacheTags.comments(articleId));
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
 * comment post cost. Outside a request (a script or test calling the action) it expires at once, and
 * a `repeat` of an expiry just made not at all.
 */
function expireAfterAnswer(tag: string, delayMs = 0, started?: () => void, repeat = false) {
  try {
    after(async () => {
      if (delayMs > 0) await sleep(delayMs);
      started?.();
      revalidateTag(tag, { expire: 0 });
    });
  } catch {
    started?.();
    if (!repeat) updateTag(tag);
  }
}

const posts = processWide("post-expiry", () =>
  createExpiryBatcher({
    windowMs: POST_BATCH_MS,
    expireNow: (tag) => expireAfterAnswer(tag),
    later: (ms, tag, started, repeat) => expireAfterAnswer(tag, ms, started, repeat),
  }),
);

/**
 * A new comment or reply (with JavaScript). The writer's form adds it to their thread from the answer
 * (components/posted-comments.tsx); everyone else gets it from the story's cached page, expired just
 * after the answer and again POST_BATCH_MS later (which later posts share), with the front page's counts.
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
