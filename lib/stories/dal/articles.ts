// Reads of published stories. Returns narrow DTOs; drafts never leave this module.
import "server-only";
import { db } from "../../db";

/** Shared with the other listing modules in lib/stories/dal so every list returns the same DTO. */
export const summarySelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  heroImagePath: true,
  heroImageAlt: true,
  section: { select: { slug: true, name: true } },
  authors: {
    orderBy: { position: "asc" },
    select: { author: { select: { slug: true, name: true } } },
  },
} as const;

export type Byline = { slug: string; name: string };

export type ArticleSummary = {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date;
  section: { slug: string; name: string };
  hero: { path: string; alt: string } | null;
  authors: Byline[];
};

export type ArticleDetail = Omit<ArticleSummary, "hero"> & {
  body: string;
  updatedAt: Date | null;
  hero: { path: string | null; alt: string; caption: string | null; credit: string | null } | null;
  tags: { slug: string; name: string }[];
  commentsClosed: boolean;
};

export type SummaryRow = {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date | null;
  heroImagePath: string | null;
  heroImageAlt: string | null;
  section: { slug: string; name: string };
  authors: { author: Byline }[];
};

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    // Published rows always carry a time; the fallback only guards hand-edited data.
    publishedAt: row.publishedAt ?? new Date(0),
    section: row.section,
    hero: row.heroImagePath ? { path: row.heroImagePath, alt: row.heroImageAlt ?? "" } : null,
    authors: row.authors.map((a) => a.author),
  };
}

export const published = { status: "PUBLISHED" } as const;

/** Whether the story with this id is published: the rule every public read of its parts applies. */
export async function isPublishedArticle(id: string): Promise<boolean> {
  return (await db.article.count({ where: { id, ...published } })) === 1;
}

/** Newest first; `limit` is capped so a hostile caller cannot ask for the whole table. */
export async function listLatestArticles(limit = 20): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
    where: published,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, limit), 100),
    select: summarySelect,
  });
  return rows.map(toSummary);
}

export type ArticleLookup =
  { kind: "article"; article: ArticleDetail } | { kind: "redirect"; slug: string } | { kind: "missing" };

/** A published article by slug, or where an old slug now points, or nothing. */
export async function findArticleBySlug(slug: string): Promise<ArticleLookup> {
  if (slug.length > 200) return { kind: "missing" };
  const row = await db.article.findFirst({
    where: { slug, ...published },
    select: {
      ...summarySelect,
      body: true,
      heroCaption: true,
      heroCredit: true,
      contentUpdatedAt: true,
      commentsClosed: true,
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  if (row) {
    const summary = toSummary(row);
    const hasHero = row.heroImagePath || row.heroImageAlt || row.heroCaption;
    return {
      kind: "article",
      article: {
        ...summary,
        body: row.body,
        updatedAt: row.contentUpdatedAt,
        hero: hasHero
          ? {
              path: row.heroImagePath,
              alt: row.heroImageAlt ?? "",
              caption: row.heroCaption,
              credit: row.heroCredit,
            }
          : null,
        tags: row.tags.map((t) => t.tag),
        commentsClosed: row.commentsClosed,
      },
    };
  }
  const redirect = await db.articleRedirect.findUnique({
    where: { slug },
    select: { article: { select: { slug: true, status: true } } },
  });
  if (redirect && redirect.article.status === "PUBLISHED") {
    return { kind: "redirect", slug: redirect.article.slug };
  }
  return { kind: "missing" };
}
