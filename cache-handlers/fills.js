// "use cache" fills that an invalidation overtook, for stamping what was rendered from them.
//
// Next lets a render join a fill of the same "use cache" entry that another request began: it gets
// a copy of that fill's result, without checking whether one of the entry's tags was invalidated
// after the fill began (next/dist/server/use-cache/use-cache-wrapper.js, "joining pending
// cross-request invocation"). A render that began after a new comment's invalidation could so show
// the comments read before it, and Next stamps what that render stores with the render's own start,
// after the invalidation: the page was stored as current without the comment, and served so until
// the comments' one-minute lifetime ran out (seen once in `npm run bench -- --cluster`: a comment
// missing from the page of the instance it was posted on after 10 s).
//
// So each fill is noted from the moment its entry is known (./use-cache.js) until it is stored, and
// kept longer only if one of its tags was invalidated after it began. Whatever is stored from a render
// that may have joined such a fill (it began before the fill ended and shares a tag with it) is
// stamped with the fill's start instead (./page-cache.js, and ./use-cache.js for a cached function
// that calls another): the invalidation is then newer than it, and the next reader gets a new render.
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");

/** How long an overtaken fill is remembered after it was stored: longer than any render takes. */
const OVERTAKEN_LIFETIME_MS = 60_000;
/** Fills remembered at most; beyond it the oldest are forgotten (a render then keeps its own stamp). */
const BOUND = 10_000;

const STATE = Symbol.for("newsroom.cache-fills");
/** @type {{ fills: Set<{ tags: string[]; start: number; end: number }> }} */
const state = (globalThis[STATE] ??= { fills: new Set() });

const now = () => Math.floor(performance.timeOrigin + performance.now());

/** When `tag` was last invalidated (either kind), or 0. */
function invalidatedAt(tag) {
  const entry = tagsManifest.get(tag);
  return Math.max(entry?.expired ?? 0, entry?.stale ?? 0);
}

const overtaken = (fill) => fill.tags.some((tag) => invalidatedAt(tag) > fill.start);

/** Forgets the overtaken fills stored longer ago than their lifetime. */
function forgetOld() {
  const cutoff = now() - OVERTAKEN_LIFETIME_MS;
  for (const f of state.fills) if (f.end < cutoff) state.fills.delete(f);
}

/** A fill whose entry began at `start` with `tags` is being stored; returns its note for fillStored. */
function fillBegun(tags, start) {
  const fill = { tags: Array.isArray(tags) ? tags : [], start, end: Infinity };
  if (state.fills.size >= BOUND) forgetOld();
  // Still at the bound: the oldest notes go first (a Set iterates in insertion order).
  for (const f of state.fills) {
    if (state.fills.size < BOUND) break;
    state.fills.delete(f);
  }
  state.fills.add(fill);
  return fill;
}

/** The fill is stored and no render can join it any more: forgotten unless it was overtaken. */
function fillStored(fill) {
  fill.end = now();
  if (!overtaken(fill)) state.fills.delete(fill);
}

/**
 * The stamp for what a render that began at `start` stores with `tags`: `start`, or the start of an
 * overtaken fill it may have joined, whichever is earlier.
 */
function stampFor(tags, start) {
  if (state.fills.size === 0 || !Array.isArray(tags) || tags.length === 0) return start;
  forgetOld();
  const own = new Set(tags);
  let stamp = start;
  for (const fill of state.fills) {
    if (fill.start >= stamp || fill.end < start) continue;
    if (fill.tags.some((tag) => own.has(tag) && invalidatedAt(tag) > fill.start)) stamp = fill.start;
  }
  return stamp;
}

module.exports = { fillBegun, fillStored, stampFor };
