"use client";
// The reader's state for the client islands on static pages, fetched once per page from /api/viewer and
// shared by every island (header, comment box). Islands that need a story's part register its id;
// registrations in one render are batched into one request. Writes call refreshViewer() when they land.
import { useEffect, useSyncExternalStore } from "react";
import { SIGNED_OUT, type ViewerComments, type ViewerPayload } from "@/lib/accounts/viewer";
import { paths } from "@/lib/paths";

export type ViewerSnapshot =
  | { status: "loading" }
  /** `article`: the story the answer covers (undefined: none was asked about). */
  | { status: "ready"; data: ViewerPayload; article?: string }
  /** The request failed: islands fall back to what works without JavaScript. */
  | { status: "error" };

const LOADING: ViewerSnapshot = { status: "loading" };
let snapshot: ViewerSnapshot = LOADING;
const listeners = new Set<() => void>();
const articles = new Map<string, number>();
let scheduled = false;
let generation = 0;

function publish(next: ViewerSnapshot) {
  snapshot = next;
  for (const listener of listeners) listener();
}

async function load() {
  scheduled = false;
  const mine = ++generation;
  const article = articles.keys().next().value;
  const url = paths.viewer(article ?? undefined);
  try {
    const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    const data = (await response.json()) as ViewerPayload;
    if (mine === generation) publish({ status: "ready", data, article });
  } catch {
    if (mine === generation) publish({ status: "error" });
  }
}

/** Asks /api/viewer again (batched with any other request in the same tick). */
export function refreshViewer() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(load, 0);
}

/**
 * Shows the reader as signed out at once and drops any answer still in flight. It does not ask the
 * server: a request sent now could overtake the sign-out and bring the old session back. The next
 * island to mount asks again.
 */
export function markSignedOut() {
  generation++;
  publish({ status: "ready", data: SIGNED_OUT });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const current = () => snapshot;
// The server (and a reader without JavaScript) gets the static fallback.
const server = () => LOADING;

/** The reader's state; with `articleId`, also their part of that story's comments. */
export function useViewer(articleId?: string): ViewerSnapshot {
  useEffect(() => {
    if (articleId) articles.set(articleId, (articles.get(articleId) ?? 0) + 1);
    refreshViewer();
    return () => {
      if (!articleId) return;
      const left = (articles.get(articleId) ?? 1) - 1;
      if (left > 0) articles.set(articleId, left);
      else articles.delete(articleId);
    };
  }, [articleId]);
  return useSyncExternalStore(subscribe, current, server);
}

/** The reader's state as it stands, without asking the server (the islands on the page do that). */
export function useViewerSnapshot(): ViewerSnapshot {
  return useSyncExternalStore(subscribe, current, server);
}

/**
 * The story's part of a ready snapshot: undefined while the answer for this story is not in yet, null
 * when there is none for this reader (signed out, or the story takes no comments).
 */
export function commentsOf(snap: ViewerSnapshot, articleId: string): ViewerComments | null | undefined {
  if (snap.status !== "ready") return undefined;
  if (!snap.data.user) return null;
  if (snap.article !== articleId) return undefined;
  return snap.data.comments?.articleId === articleId ? snap.data.comments : null;
}

/** Rendered by a page a reader reaches only once signed out (account deleted): the header follows. */
export function SignedOutSignal(): null {
  useEffect(() => {
    markSignedOut();
  }, []);
  return null;
}
