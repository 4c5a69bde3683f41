// The site-wide moderation rules (one row, id "site"), and a story's own overrides. Admins edit the site
// settings; moderators read them and run the per-story controls, which a busy thread needs at once.
import "server-only";
import { db } from "@/lib/db";
import { type Result, isRefusal, refuse, validate } from "@/lib/result";
import {
  articleControlsSchema,
  settingsSchema,
  type ArticleControlsInput,
  type SettingsInput,
} from "@/lib/moderation/schema";
import { writeAudit } from "./audit";
import { staffActor } from "./staff";

export type SiteSettingsView = {
  premoderation: "OFF" | "NEW_USERS" | "ALL";
  premoderateFirstN: number;
  maxLinks: number;
  suspectWords: string;
  bannedWords: string;
  reportThreshold: number;
  autoCloseDays: number | null;
};

const DEFAULT_SETTINGS: SiteSettingsView = {
  premoderation: "OFF",
  premoderateFirstN: 1,
  maxLinks: 2,
  suspectWords: "",
  bannedWords: "",
  reportThreshold: 3,
  autoCloseDays: null,
};

const select = {
  premoderation: true,
  premoderateFirstN: true,
  maxLinks: true,
  suspectWords: true,
  bannedWords: true,
  reportThreshold: true,
  autoCloseDays: true,
} as const;

/** The settings in force: the row when an admin saved one, else the defaults. */
export async function getSiteSettings(): Promise<SiteSettingsView> {
  return (await db.siteSettings.findUnique({ where: { id: "site" }, select })) ?? DEFAULT_SETTINGS;
}

const describe = (s: object) => JSON.stringify(s);

export async function updateSiteSettings(actorId: string | null, input: SettingsInput): Promise<Result> {
  const admin = await staffActor(actorId, "ADMIN");
  if (isRefusal(admin)) return admin;
  const parsed = validate(settingsSchema, input);
  if (isRefusal(parsed)) return parsed;
  await db.$transaction(async (tx) => {
    const before = (await tx.siteSettings.findUnique({ where: { id: "site" }, select })) ?? DEFAULT_SETTINGS;
    await tx.siteSettings.upsert({
      where: { id: "site" },
      create: { id: "site", ...parsed },
      update: parsed,
    });
    await writeAudit(tx, {
      actor: admin,
      action: "settings.update",
      targetType: "settings",
      targetId: "site",
      before: describe(before),
      after: describe(parsed),
    });
  });
  return { ok: true };
}

export type ArticleControlsView = {
  id: string;
  slug: string;
  headline: string;
  publishedAt: Date | null;
  commentsClosed: boolean;
  autoCloseDays: number | null;
  slowModeSeconds: number | null;
  premoderation: "OFF" | "NEW_USERS" | "ALL" | null;
};

const articleSelect = {
  id: true,
  slug: true,
  headline: true,
  publishedAt: true,
  commentsClosed: true,
  autoCloseDays: true,
  slowModeSeconds: true,
  premoderation: true,
} as const;

export async function getArticleControls(
  actorId: string | null,
  articleId: string,
): Promise<Result<{ article: ArticleControlsView }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const article = await db.article.findUnique({ where: { id: articleId }, select: articleSelect });
  return article ? { ok: true, article } : refuse("not_found", "No such story.");
}

/** Close or reopen, auto-close days, slow mode and pre-moderation override of one story; one audit row. */
export async function updateArticleControls(
  actorId: string | null,
  input: ArticleControlsInput,
): Promise<Result<{ articleId: string; slug: string }>> {
  const staff = await staffActor(actorId);
  if (isRefusal(staff)) return staff;
  const parsed = validate(articleControlsSchema, input);
  if (isRefusal(parsed)) return parsed;
  const { articleId, ...data } = parsed;
  return db.$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id: articleId }, select: articleSelect });
    if (!before) return refuse("not_found", "No such story.");
    await tx.article.update({ where: { id: articleId }, data });
    const action =
      before.commentsClosed !== data.commentsClosed
        ? data.commentsClosed
          ? "article.close"
          : "article.reopen"
        : "article.settings";
    const { commentsClosed, autoCloseDays, slowModeSeconds, premoderation } = before;
    await writeAudit(tx, {
      actor: staff,
      action,
      targetType: "article",
      targetId: articleId,
      articleId,
      before: describe({ commentsClosed, autoCloseDays, slowModeSeconds, premoderation }),
      after: describe(data),
    });
    return { ok: true as const, articleId, slug: before.slug };
  });
}
