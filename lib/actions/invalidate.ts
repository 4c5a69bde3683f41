// What a change to comments invalidates, shared by every action that makes one.
import "server-only";
import { refresh, updateTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";

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
