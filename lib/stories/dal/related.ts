// What to read next on an article page: related stories and the neighbours in its section.
import "server-only";
import { db } from "../../db";
import { published, type ArticleSummary } from "./articles";
import { summariesOf } from "./listings";
import { keyWalker, newerThan, olderThan } from "./story-keys";

type StoryLink = { slug: string; headline: string };

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
  const at = { id: self.id, publishedAt: self.publishedAt };
  const inSection = { ...published, sectionId: self.sectionId };
  const linkSelect = { slug: true, headline: true } as const;
  const tagIds = self.tags.map((t) => t.tagId);

  const [byTag, previous, next] = await Promise.all([
    tagIds.length
      ? keyWalker({ kind: "tags", ids: tagIds }).then((w) => w.older(null, RELATED, [self.id]))
      : Promise.resolve([]),
    db.article.findFirst({
      where: { AND: [inSection, olderThan(at)] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: linkSelect,
    }),
    db.article.findFirst({
      where: { AND: [inSection, newerThan(at)] },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: linkSelect,
    }),
  ]);
  let keys = byTag;
  if (keys.length < RELATED) {
    const section = await keyWalker({ kind: "section", id: self.sectionId });
    keys = [
      ...keys,
      ...(await section.older(null, RELATED - keys.length, [self.id, ...keys.map((k) => k.id)])),
    ];
  }
  const related = await summariesOf(keys);
  return { related, previous, next };
}
