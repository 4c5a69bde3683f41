// What to read next on an article page: related stories and the neighbours in its section.
import "server-only";
import { db } from "../db";
import { published, summarySelect, toSummary, type ArticleSummary } from "./articles";

export type StoryLink = { slug: string; headline: string };

export type ArticleNeighbours = {
  related: ArticleSummary[];
  /** The next older story in the same section. */
  previous: StoryLink | null;
  /** The next newer story in the same section. */
  next: StoryLink | null;
};

const RELATED = 4;
const none: ArticleNeighbours = { related: [], previous: null, next: null };

/**
 * Related stories favour shared tags, then fill up from the same section, newest first; the story
 * itself is never among them.
 */
export async function getArticleNeighbours(articleId: string): Promise<ArticleNeighbours> {
  if (articleId.length > 64) return none;
  const self = await db.article.findFirst({
    where: { id: articleId, ...published },
    select: { id: true, sectionId: true, publishedAt: true, tags: { select: { tagId: true } } },
  });
  if (!self?.publishedAt) return none;
  const at = self.publishedAt;
  const inSection = { ...published, sectionId: self.sectionId, id: { not: self.id } };
  const linkSelect = { slug: true, headline: true } as const;
  const tagIds = self.tags.map((t) => t.tagId);

  const [byTag, previous, next] = await Promise.all([
    tagIds.length
      ? db.article.findMany({
          where: { ...published, id: { not: self.id }, tags: { some: { tagId: { in: tagIds } } } },
          orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
          take: RELATED,
          select: summarySelect,
        })
      : Promise.resolve([]),
    db.article.findFirst({
      where: { ...inSection, OR: [{ publishedAt: { lt: at } }, { publishedAt: at, id: { lt: self.id } }] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: linkSelect,
    }),
    db.article.findFirst({
      where: { ...inSection, OR: [{ publishedAt: { gt: at } }, { publishedAt: at, id: { gt: self.id } }] },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: linkSelect,
    }),
  ]);
  let related = byTag.map(toSummary);
  if (related.length < RELATED) {
    const fill = await db.article.findMany({
      where: { ...inSection, id: { notIn: [self.id, ...related.map((r) => r.id)] } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: RELATED - related.length,
      select: summarySelect,
    });
    related = [...related, ...fill.map(toSummary)];
  }
  return { related, previous, next };
}
