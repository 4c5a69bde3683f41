// The benchmark's thread pages (npm run bench -- --threads): the story with the long thread (the
// scale seeder's 20,000 comments) and its /comments pages 1 and 400 (or its last, when it has fewer
// pages), beside a story with ten comments and its /comments page. Keyset cursors for the deep page
// are read from the database, as the site would have issued them page by page.
import { createPrismaClient } from "../../lib/prisma";
import { encodeCommentCursor } from "../../lib/comments/cursor";
import { COMMENT_PAGE_SIZE } from "../../lib/comments/types";
import { threadsOnPage } from "../../lib/comments/paging";
import type { Measurement } from "./bench-report";
import { paths } from "../../lib/paths";

const DEEP_PAGE = 400;

export type ThreadStories = { bigStoryId: string; tenStoryId: string };

/**
 * In a database the bench did not seed (--database-url, e.g. one filled by `npm run seed:scale`): the
 * published story with the most comments, and one with exactly ten. Null when either is missing.
 */
export async function findThreadStories(databaseUrl: string): Promise<ThreadStories | null> {
  const db = createPrismaClient(databaseUrl);
  try {
    const published = { article: { status: "PUBLISHED" as const } };
    const [big] = await db.comment.groupBy({
      by: ["articleId"],
      where: published,
      _count: { articleId: true },
      orderBy: { _count: { articleId: "desc" } },
      take: 1,
    });
    const [ten] = await db.comment.groupBy({
      by: ["articleId"],
      where: published,
      having: { articleId: { _count: { equals: 10 } } },
      orderBy: { articleId: "asc" },
      take: 1,
    });
    return big && ten ? { bigStoryId: big.articleId, tenStoryId: ten.articleId } : null;
  } finally {
    await db.$disconnect();
  }
}

const commentsPath = (slug: string, after?: string) => paths.comments(slug, { sort: "newest", after });

export async function threadPages(databaseUrl: string, stories: ThreadStories) {
  const db = createPrismaClient(databaseUrl);
  try {
    const [big, ten] = await Promise.all(
      [stories.bigStoryId, stories.tenStoryId].map((id) =>
        db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } }),
      ),
    );
    const where = { articleId: stories.bigStoryId, parentId: null, status: "PUBLISHED" as const };
    const [tops, groups, all] = await Promise.all([
      db.comment.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { createdAt: true, id: true },
      }),
      db.comment.groupBy({
        by: ["threadId"],
        where: {
          articleId: stories.bigStoryId,
          threadId: { not: null },
          status: { in: ["PUBLISHED", "DELETED"] },
        },
        _count: { _all: true },
      }),
      db.comment.count({ where: { articleId: stories.bigStoryId } }),
    ]);
    // The pages as the site packs them (paging.ts): whole threads up to COMMENT_PAGE_SIZE comments.
    const replies = new Map(groups.map((g) => [g.threadId, g._count._all]));
    const sizes = tops.map((t) => 1 + (replies.get(t.id) ?? 0));
    const starts = [0];
    for (let at = 0; ;) {
      at += threadsOnPage(sizes, COMMENT_PAGE_SIZE, at);
      if (at >= sizes.length) break;
      starts.push(at);
    }
    const pages = starts.length;
    const deep = Math.min(DEEP_PAGE, pages);
    // Page n starts after the last top-level comment of page n - 1 (newest first).
    const last = deep > 1 ? tops[starts[deep - 1] - 1] : undefined;
    const after = last
      ? encodeCommentCursor({ sort: "newest", createdAt: last.createdAt, id: last.id })
      : undefined;
    return {
      note: `long thread: ${all} comments, ${tops.length} threads, ${pages} pages of ${COMMENT_PAGE_SIZE} comments; deep page ${deep}`,
      pages: [
        { name: "story-10", path: paths.article(ten.slug) },
        { name: "story-20k", path: paths.article(big.slug) },
        { name: "comm-10", path: commentsPath(ten.slug) },
        { name: "comm-20k", path: commentsPath(big.slug) },
        { name: `comm-p${deep}`, path: commentsPath(big.slug, after) },
      ],
    };
  } finally {
    await db.$disconnect();
  }
}

/** The long thread's pages against the ten-comment story's: goal ≥ 1/1.2 of its req/s. */
export function threadTargets(rows: Measurement[]) {
  const by = new Map(rows.map((r) => [r.name, r]));
  const checks: { label: string; ok: boolean }[] = [];
  const compare = (name: string, against: string) => {
    const m = by.get(name);
    const base = by.get(against);
    if (!m || !base || base.requestsPerSec === 0) return;
    const ratio = m.requestsPerSec / base.requestsPerSec;
    checks.push({
      label: `${name} within 1.2× of ${against} (${ratio.toFixed(2)}× its req/s)`,
      ok: ratio >= 1 / 1.2,
    });
  };
  compare("story-20k", "story-10");
  for (const r of rows) if (r.name.startsWith("comm-") && r.name !== "comm-10") compare(r.name, "comm-10");
  return checks;
}
