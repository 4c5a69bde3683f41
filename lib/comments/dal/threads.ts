// Turns comment rows into what readers see: display names, "[deleted]" placeholders kept only while
// they still hold visible replies, and each thread's replies in reading order.
import "server-only";
import type { CommentThread, CommentView } from "@/lib/comments/types";
import { displayName } from "../../accounts/dal/users";

export const commentRowSelect = {
  id: true,
  authorId: true,
  parentId: true,
  threadId: true,
  replyToId: true,
  depth: true,
  body: true,
  status: true,
  score: true,
  createdAt: true,
  editedAt: true,
  author: { select: { id: true, name: true, role: true } },
} as const;

export type CommentRow = {
  id: string;
  authorId: string | null;
  parentId: string | null;
  threadId: string | null;
  replyToId: string | null;
  depth: number;
  body: string;
  status: string;
  score: number;
  createdAt: Date;
  editedAt: Date | null;
  author: { id: string; name: string | null; role: "READER" | "MODERATOR" | "ADMIN" } | null;
};

export function toCommentView(row: CommentRow, replyTo: CommentView["replyTo"] = null): CommentView {
  const deleted = row.status === "DELETED" || row.author === null;
  return {
    id: row.id,
    authorId: deleted ? null : row.authorId,
    authorName: deleted || !row.author ? null : displayName(row.author),
    authorRole: deleted || !row.author ? null : row.author.role,
    parentId: row.parentId,
    replyTo,
    depth: row.depth,
    body: deleted ? null : row.body,
    deleted,
    score: row.score,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
  };
}

/**
 * Builds threads from their top-level comments and every PUBLISHED or DELETED reply of them (any
 * order). A deleted reply stays as "[deleted]" only while something visible hangs below it.
 */
export function assembleThreads(tops: CommentRow[], replies: CommentRow[]): CommentThread[] {
  const children = new Map<string, CommentRow[]>();
  for (const r of [...replies].sort(byAge)) {
    if (!r.parentId) continue;
    const list = children.get(r.parentId) ?? [];
    list.push(r);
    children.set(r.parentId, list);
  }
  const byId = new Map(replies.map((r) => [r.id, r]));
  const visible = (row: CommentRow): boolean =>
    row.status === "PUBLISHED" || (children.get(row.id) ?? []).some(visible);
  const replyTo = (row: CommentRow): CommentView["replyTo"] => {
    if (!row.replyToId) return null;
    const target = byId.get(row.replyToId);
    const name = target && target.status === "PUBLISHED" && target.author ? displayName(target.author) : null;
    return { id: row.replyToId, authorName: name };
  };

  return tops.map((top) => {
    const ordered: CommentView[] = [];
    const walk = (parentId: string) => {
      for (const row of children.get(parentId) ?? []) {
        if (!visible(row)) continue;
        ordered.push(toCommentView(row, replyTo(row)));
        walk(row.id);
      }
    };
    walk(top.id);
    return { comment: toCommentView(top), replies: ordered };
  });
}

function byAge(a: CommentRow, b: CommentRow): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
