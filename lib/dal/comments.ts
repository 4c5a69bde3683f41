import "server-only";
import type { ArticleSummary } from "./articles";

export type CommentedStory = ArticleSummary & { commentCount: number };

/**
 * The front page's "Most commented" rail. There is no comment table yet: the comments issue fills
 * this in with a real query. Until then there is nothing to rank, so the rail stays hidden.
 */
export async function listMostCommented(limit = 5): Promise<CommentedStory[]> {
  void limit;
  return [];
}

/** Published comments on one story; 0 until the comments issue adds them. */
export async function countComments(articleId: string): Promise<number> {
  void articleId;
  return 0;
}
