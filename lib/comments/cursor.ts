// Opaque keyset cursors for pages of top-level comments. A cursor names the last comment of the page
// before in its sort order, so a page deep into a 20k-comment thread costs one index range scan.
import type { CommentSort } from "./types";

export type CommentCursor =
  | { sort: "newest" | "oldest"; createdAt: Date; id: string }
  // "top" pages by (score, id), the order its index keeps; ids are time-ordered cuids.
  | { sort: "top"; score: number; id: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const RAW = /^[A-Za-z0-9_-]{1,200}$/;
const SORT_CODE = { newest: "n", oldest: "o", top: "t" } as const;

export function encodeCommentCursor(c: CommentCursor): string {
  const parts = c.sort === "top" ? ["t", c.score, c.id] : [SORT_CODE[c.sort], c.createdAt.getTime(), c.id];
  return Buffer.from(parts.join("."), "utf8").toString("base64url");
}

/** The cursor for `sort`, or null for anything we did not issue (garbage, or another sort's cursor). */
export function decodeCommentCursor(raw: unknown, sort: CommentSort): CommentCursor | null {
  if (typeof raw !== "string" || !RAW.test(raw)) return null;
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const match =
    sort === "top" ? /^t\.(-?\d{1,9})\.(.+)$/.exec(text) : /^([no])\.(\d{1,15})\.(.+)$/.exec(text);
  if (!match) return null;
  if (sort === "top") return ID.test(match[2]) ? { sort, score: Number(match[1]), id: match[2] } : null;
  const createdAt = new Date(Number(match[2]));
  if (match[1] !== SORT_CODE[sort] || !ID.test(match[3]) || Number.isNaN(createdAt.getTime())) return null;
  return { sort, createdAt, id: match[3] };
}

/** `?sort=` as one of ours; anything else reads as the default. */
export function parseCommentSort(raw: unknown): CommentSort {
  return raw === "oldest" || raw === "top" ? raw : "newest";
}
