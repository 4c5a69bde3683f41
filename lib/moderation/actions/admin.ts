"use server";
// Settings, per-story controls, sanctions, roles and appeal decisions. Thin: the DAL authorizes.
import { refresh, updateTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { decideAppeal } from "@/lib/moderation/dal/appeals";
import { updateArticleControls, updateSiteSettings } from "@/lib/moderation/dal/settings";
import { applySanction, liftSanction, setUserRole } from "@/lib/moderation/dal/sanctions";
import {
  appealDecisionSchema,
  articleControlsSchema,
  liftSchema,
  roleSchema,
  sanctionSchema,
  settingsSchema,
} from "@/lib/moderation/schema";
import { action } from "../../action";
import { commentsModerated } from "../../invalidate";

export const saveSiteSettings = action(settingsSchema, {
  run: (input, actorId) => updateSiteSettings(actorId, input),
  invalidate: () => refresh(),
  done: "Settings saved.",
});

export const saveArticleControls = action(articleControlsSchema, {
  run: (input, actorId) => updateArticleControls(actorId, input),
  invalidate: (r) => {
    updateTag(cacheTags.article(r.slug));
    commentsModerated([r.articleId]);
  },
  done: "Story settings saved.",
});

export const sanctionUser = action(sanctionSchema, {
  run: (input, actorId) => applySanction(actorId, input),
  invalidate: (r) => commentsModerated(r.articleIds),
  done: "Sanction applied.",
});

export const liftUserSanction = action(liftSchema, {
  run: (input, actorId) => liftSanction(actorId, input),
  invalidate: (r) => commentsModerated(r.articleIds),
  done: "Sanction lifted.",
});

export const changeUserRole = action(roleSchema, {
  run: (input, actorId) => setUserRole(actorId, input),
  invalidate: () => refresh(),
  done: "Role changed.",
});

export const decideAppealAction = action(appealDecisionSchema, {
  run: (input, actorId) => decideAppeal(actorId, input),
  invalidate: (r) => commentsModerated(r.articleId ? [r.articleId] : []),
  done: (r, input) => ({
    ok: true,
    message: (input.uphold ? "Appeal upheld." : "Appeal denied.") + (r.message ? ` ${r.message}` : ""),
  }),
});
