// What moderators lift out of a story's thread: featured comments (the "Featured comments" strip) and
// pinned top-level comments (shown first on the default view). Public reads: only what every reader
// may see, so the story page can cache them under comments:<articleId> like the thread itself.
import "server-only";
import type { CommentView } from "@/lib/comments/types";
import { publicCommentWhere } from "@/lib/moderation/visibility";
import { db } from "../../db";
import { commentRowSelect, toCommentView } from "./threads";

export type CommentHighlights = { featured: CommentView[]; pinned: CommentView[] };

// A strip and a short group, not a second thread: a handful is all a reader scans.
const MAX_FEATURED = 6;
const MAX_PINNED = 5;

/** The story's featured comments (newest first) and pinned top-level ones (newest pin first). */
export async function listCommentHighlights(articleId: string): Promise<CommentHighlights> {
  if (typeof articleId !== "string" || !articleId) return { featured: [], pinned: [] };
  const [featured, pinned] = await Promise.all([
    db.comment.findMany({
      where: { articleId, featured: true, ...publicCommentWhere },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_FEATURED,
      select: commentRowSelect,
    }),
    db.comment.findMany({
      where: { articleId, parentId: null, pinnedAt: { not: null }, ...publicCommentWhere },
      orderBy: [{ pinnedAt: "desc" }, { id: "desc" }],
      take: MAX_PINNED,
      select: commentRowSelect,
    }),
  ]);
  return { featured: featured.map((r) => toCommentView(r)), pinned: pinned.map((r) => toCommentView(r)) };
}
