// A story's comments as every reader sees them, cached across requests and expired by the comment
// actions' updateTag(comments:<articleId>), so a new comment reaches the cached story page at once.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { decodeCommentCursor } from "@/lib/comments/cursor";
import {
  COMMENT_PAGE_SIZE,
  STORY_PAGE_COMMENTS,
  type CommentPage,
  type CommentSort,
} from "@/lib/comments/types";
import { listCommentHighlights, type CommentHighlights } from "@/lib/comments/dal/highlights";
import { isPublishedArticle } from "@/lib/stories/dal/articles";
import { listCommentPage } from "@/lib/comments/dal/comments";
import { isCursorText, isId } from "./args";

const SORTS: readonly unknown[] = ["newest", "oldest", "top"] satisfies CommentSort[];

/** The sizes a page comes in: a comments page, or the story page's shorter first page. */
const SIZES: readonly unknown[] = [COMMENT_PAGE_SIZE, STORY_PAGE_COMMENTS];

/** A page of threads; null when `after` is not a cursor we issued for this sort. */
export async function cachedCommentPage(
  articleId: string,
  sort: CommentSort = "newest",
  after: string | null = null,
  size: number = COMMENT_PAGE_SIZE,
): Promise<CommentPage | null> {
  "use cache";
  // Callable from outside with any arguments (./args.ts): only a published story's id, a known sort
  // and one of our page sizes.
  if (!isId(articleId) || !SORTS.includes(sort) || (after !== null && !isCursorText(after))) return null;
  if (!SIZES.includes(size)) return null;
  // Every write expires the tag. The short lifetime (regenerated in the background after a minute)
  // bounds the one case a tag cannot catch: a render that read the comments just before a write and
  // stored its result just after the write's invalidation, which would otherwise be served for hours.
  cacheLife("minutes");
  cacheTag(cacheTags.comments(articleId));
  const cursor = after === null ? null : decodeCommentCursor(after, sort);
  if (after !== null && !cursor) return null;
  if (!(await isPublishedArticle(articleId))) return null;
  // The story page cuts a long first thread short; its link opens the comments page with all of it.
  return listCommentPage(articleId, { sort, cursor, limit: size, cut: size === STORY_PAGE_COMMENTS });
}

/** Featured and pinned comments: the same tag, so a moderator's feature/pin reaches the page at once. */
export async function cachedCommentHighlights(articleId: string): Promise<CommentHighlights> {
  "use cache";
  const none = { featured: [], pinned: [] };
  if (!isId(articleId)) return none;
  cacheLife("minutes");
  cacheTag(cacheTags.comments(articleId));
  return (await isPublishedArticle(articleId)) ? listCommentHighlights(articleId) : none;
}
