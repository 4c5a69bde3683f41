// The reader pages' reads, cached across requests ("use cache") and tagged so an import invalidates
// exactly the pages it touched (lib/cache-tags.ts, POST /api/revalidate). The lifetimes are a safety
// net for edits made behind the importer's back, or an import that could not reach the site: imports
// never wait for them.
import { cacheLife, cacheTag } from "next/cache";
import { findArticleBySlug, listLatestArticles } from "@/lib/stories/dal/articles";
import { findAuthorBySlug } from "@/lib/stories/dal/authors";
import { listMostCommented } from "@/lib/comments/dal/comments";
import {
  listPrerenderedListings,
  listSectionRails,
  listStoryPage,
  type ListingScope,
} from "@/lib/stories/dal/listings";
import { getArticleNeighbours } from "@/lib/stories/dal/related";
import { findSectionBySlug, listSections } from "@/lib/stories/dal/sections";
import { findTagBySlug } from "@/lib/stories/dal/tags";
import { cacheTags, HEALING_LIFE } from "@/lib/cache-tags";
import { isCacheTag, isCursorText, isId, isListingKind, isSlug } from "./args";

// Each function below checks its arguments first: see ./args.ts.
const MISSING = { kind: "missing" } as const;

export async function cachedArticle(slug: string) {
  "use cache";
  if (!isSlug(slug)) return MISSING;
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.article(slug));
  const found = await findArticleBySlug(slug);
  if (found.kind === "redirect") cacheTag(cacheTags.article(found.slug));
  return found;
}

/**
 * Read-next changes when other stories in the section or its tags do. (The comment count comes with the
 * comments themselves, under their own tag: app/(site)/_lib/cached-comments.ts.)
 */
export async function cachedArticleExtras(articleId: string, sectionSlug: string, tagSlugs: string[]) {
  "use cache";
  const tagsOk = Array.isArray(tagSlugs) && tagSlugs.length <= 50 && tagSlugs.every(isSlug);
  if (!isId(articleId) || !isSlug(sectionSlug) || !tagsOk)
    return { neighbours: { related: [], previous: null, next: null } };
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.section(sectionSlug), ...tagSlugs.map(cacheTags.tag));
  return { neighbours: await getArticleNeighbours(articleId) };
}

export async function cachedFrontPage() {
  "use cache";
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.list, cacheTags.commentCounts);
  const [latest, rails, mostCommented] = await Promise.all([
    listLatestArticles(7),
    listSectionRails(4),
    listMostCommented(5),
  ]);
  return { latest, rails, mostCommented };
}

export async function cachedSections() {
  "use cache";
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.list);
  return listSections();
}

export async function cachedSection(slug: string) {
  "use cache";
  if (!isSlug(slug)) return null;
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.section(slug));
  return findSectionBySlug(slug);
}

export async function cachedTag(slug: string) {
  "use cache";
  if (!isSlug(slug)) return null;
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.tag(slug));
  return findTagBySlug(slug);
}

export async function cachedAuthor(slug: string) {
  "use cache";
  if (!isSlug(slug)) return null;
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.author(slug));
  return findAuthorBySlug(slug);
}

/** `tag` is the listing's own cache tag (section:…, tag:…, author:…); `before` a page cursor. */
export async function cachedStoryPage(scope: ListingScope, before: string | undefined, tag: string) {
  "use cache";
  const scopeOk = typeof scope === "object" && scope !== null && isListingKind(scope.kind) && isId(scope.id);
  if (!scopeOk || !isCacheTag(tag) || (before !== undefined && !isCursorText(before))) return null;
  cacheLife(HEALING_LIFE);
  cacheTag(tag);
  return listStoryPage({ kind: scope.kind, id: scope.id }, before);
}

/** The section, tag and author pages built ahead (first and second page); see generateStaticParams. */
export async function cachedPrerenderedListings(kind: ListingScope["kind"]) {
  "use cache";
  if (!isListingKind(kind)) return [];
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.list);
  return listPrerenderedListings(kind);
}

/** The newest stories' slugs, prerendered at build; the rest are rendered on first visit. */
export async function cachedLatestSlugs(limit: number) {
  "use cache";
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return [];
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.list);
  return (await listLatestArticles(limit)).map((a) => a.slug);
}
