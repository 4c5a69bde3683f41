// The checks every comment write starts with: who is asking, and whether the story takes comments.
// The user is re-read from the database on every write, since a ban can land while a session lives.
import "server-only";
import { db } from "@/lib/db";
import { autoCloseAt, type PremoderationMode } from "@/lib/moderation/rules";
import { postingNotice } from "@/lib/moderation/standing";
import { isRefusal, refuse, type Refusal } from "@/lib/result";
import { published } from "../../stories/dal/articles";
import { recordAutoClose } from "../../moderation/dal/audit";
import { getSiteSettings, isCommentingOpen } from "../../moderation/dal/rules";
import type { SiteSettingsView } from "../../moderation/dal/settings";
import { requireActor, type Viewer } from "../../accounts/dal/users";

const SIGN_IN_MESSAGE = "Sign in to comment.";

/** The actor as an ACTIVE viewer, or why they may not write. */
export async function activeViewer(actorId: string | null): Promise<Viewer | Refusal> {
  const viewer = await requireActor(actorId, SIGN_IN_MESSAGE);
  if (isRefusal(viewer)) return viewer;
  const notice = postingNotice(viewer.standing);
  if (notice) return refuse(viewer.standing.state === "BANNED" ? "banned" : "suspended", notice);
  return viewer;
}

export type OpenArticle = { id: string; slug: string };

const STORY_MISSING = "That story does not exist or is not published.";

/** An open story with its comment rules, and the site settings read to decide it is open. */
export type OpenStory = {
  article: OpenArticle & {
    commentsClosed: boolean;
    publishedAt: Date | null;
    autoCloseDays: number | null;
    slowModeSeconds: number | null;
    premoderation: PremoderationMode | null;
  };
  settings: SiteSettingsView;
};

const articleSelect = {
  id: true,
  slug: true,
  commentsClosed: true,
  publishedAt: true,
  autoCloseDays: true,
  // The rules a new comment meets there, read here so the write need not read the story twice.
  slowModeSeconds: true,
  premoderation: true,
} as const;

/**
 * A published story that still takes comments, with its comment rules and the site settings read to
 * decide that, for createComment to hand on to the moderation rules. A write refused because the story
 * closed by time logs that closing once (reads pass `logAutoClose` false: looking is not a write).
 */
export async function findOpenArticle(articleId: string, logAutoClose = true): Promise<OpenStory | Refusal> {
  // Side by side: on PostgreSQL each read is a round trip.
  const [article, settings] = await Promise.all([
    db.article.findFirst({ where: { id: articleId, ...published }, select: articleSelect }),
    getSiteSettings(),
  ]);
  if (!article) return refuse("not_found", STORY_MISSING);
  // Closed by a moderator, or by the auto-close rule (the story's days, else the site's).
  if (!isCommentingOpen(article, settings)) {
    const closedAt = article.commentsClosed ? null : autoCloseAt(article, settings);
    if (closedAt && logAutoClose) {
      const days = article.autoCloseDays ?? settings.autoCloseDays;
      const rule = `auto-close:${days}d:${article.autoCloseDays != null ? "article" : "site"}`;
      await recordAutoClose(db, article.id, rule, closedAt);
    }
    return refuse("closed", "Comments are closed on this story.");
  }
  return { article, settings };
}

/**
 * A published story. With `mustBeOpen`, also one that still takes comments (votes and edits need that;
 * deleting your own words does not).
 */
export async function findArticle(articleId: string, mustBeOpen = true): Promise<OpenArticle | Refusal> {
  if (mustBeOpen) {
    const found = await findOpenArticle(articleId);
    return isRefusal(found) ? found : { id: found.article.id, slug: found.article.slug };
  }
  const article = await db.article.findFirst({
    where: { id: articleId, ...published },
    select: { id: true, slug: true },
  });
  return article ?? refuse("not_found", STORY_MISSING);
}

/** A unique-constraint violation, as Prisma reports it on SQLite and PostgreSQL alike. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/**
 * A write that lost a race with another connection and may simply be tried again: a conflicting vote,
 * a PostgreSQL serialization failure or deadlock, or SQLite answering BUSY to a transaction whose
 * snapshot went stale (the busy timeout cannot help there).
 */
function isRetryable(err: unknown): boolean {
  if (err instanceof WriteConflict || isUniqueViolation(err)) return true;
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e?.code === "P2034") return true;
  return (
    typeof e?.message === "string" && /SQLITE_BUSY|database is locked|deadlock detected/i.test(e.message)
  );
}

/** Thrown inside a transaction when a conditional write found the row changed under it. */
export class WriteConflict extends Error {}

export async function withRetries<T>(attempts: number, run: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= attempts || !isRetryable(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * i));
    }
  }
}
