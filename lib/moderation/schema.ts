// What the moderation forms may send, shared by the DAL (which validates again: actions are public
// endpoints and tests call the DAL directly) and the forms. No server-only imports.
import { z } from "../zod";
import { idField } from "../comments/schema";

export { idField };

export const REJECT_REASONS = {
  RULES: "Breaks the community rules",
  ABUSE: "Abusive, hateful or harassing",
  PERSONAL: "Personal attack or private information",
  OFF_TOPIC: "Off topic",
  LEGAL: "Legal risk (defamation, contempt of court)",
  MISINFORMATION: "Misleading or false",
  OTHER: "Other (see note)",
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

export const REPORT_REASONS = {
  SPAM: "Spam or advertising",
  ABUSE: "Abusive or harassing",
  OFF_TOPIC: "Off topic",
  OTHER: "Something else",
} as const;
export type ReportReasonKey = keyof typeof REPORT_REASONS;

export const NOTE_MAX = 500;
export const APPEAL_MAX = 1000;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const noteField = z.preprocess(
  blank,
  z.string().trim().max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters.`).optional(),
);

const COMMENT_DECISIONS = [
  "approve",
  "reject",
  "spam",
  "restore",
  "feature",
  "unfeature",
  "pin",
  "unpin",
] as const;
export type CommentDecisionKind = (typeof COMMENT_DECISIONS)[number];

const decisionFields = {
  decision: z.enum(COMMENT_DECISIONS, { error: "Unknown action." }),
  reason: z.preprocess(
    blank,
    z.enum(Object.keys(REJECT_REASONS) as [RejectReason], { error: "Choose a reason." }).optional(),
  ),
  note: noteField,
};
const decisionRules = <T extends z.ZodType<{ decision: string; reason?: string; note?: string }>>(
  schema: T,
) =>
  schema
    .refine((d) => d.decision !== "reject" || d.reason, { path: ["reason"], message: "Choose a reason." })
    .refine((d) => d.reason !== "OTHER" || d.note, { path: ["note"], message: "Say why in the note." });

export const decisionSchema = decisionRules(z.object({ commentId: idField("comment"), ...decisionFields }));

/** The same decision on a selection (the queue's checkboxes); the DAL checks each id and the count. */
export const bulkDecisionSchema = decisionRules(
  z.object({ ids: z.array(z.string()).default([]), ...decisionFields }),
);

export const reportSchema = z.object({
  commentId: idField("comment"),
  reason: z.enum(Object.keys(REPORT_REASONS) as [ReportReasonKey], { error: "Choose a reason." }),
  note: noteField,
});

const count = (label: string, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(max, `${label} can be at most ${max}.`);
const optionalCount = (label: string, max: number) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), count(label, max).nullable());
const wordList = z.string().max(20_000, "The list is too long.").default("");

const PREMODERATION_MODES = ["OFF", "NEW_USERS", "ALL"] as const;

export const settingsSchema = z.object({
  premoderation: z.enum(PREMODERATION_MODES, { error: "Choose a pre-moderation mode." }),
  premoderateFirstN: count("First comments", 100),
  maxLinks: count("Links", 50),
  suspectWords: wordList,
  bannedWords: wordList,
  reportThreshold: count("Report threshold", 100).min(1, "Report threshold must be at least 1."),
  autoCloseDays: optionalCount("Auto-close days", 3650),
});
export type SettingsInput = z.input<typeof settingsSchema>;

export const articleControlsSchema = z.object({
  articleId: idField("story"),
  commentsClosed: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  autoCloseDays: optionalCount("Auto-close days", 3650),
  slowModeSeconds: optionalCount("Slow mode", 86_400),
  premoderation: z.preprocess(
    (v) => (v === "" || v === "SITE" || v === undefined ? null : v),
    z.enum(PREMODERATION_MODES, { error: "Choose a pre-moderation mode." }).nullable(),
  ),
});
export type ArticleControlsInput = z.input<typeof articleControlsSchema>;

const SANCTIONS = ["suspend", "ban", "premoderate", "shadowban"] as const;

export const sanctionSchema = z
  .object({
    userId: idField("user"),
    sanction: z.enum(SANCTIONS, { error: "Unknown sanction." }),
    /** suspend only: 1 hour to a year. */
    hours: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : v),
      z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 366)
        .optional(),
    ),
    reason: z
      .string({ error: "Give a reason." })
      .trim()
      .min(3, "Give a reason (at least 3 characters).")
      .max(NOTE_MAX),
    rejectComments: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
  })
  .refine((d) => d.sanction !== "suspend" || d.hours, { path: ["hours"], message: "Choose how long." });
export type SanctionInput = z.input<typeof sanctionSchema>;

export const liftSchema = z.object({
  userId: idField("user"),
  sanction: z.enum(SANCTIONS, { error: "Unknown sanction." }),
  note: noteField,
});

const ROLES = ["READER", "MODERATOR", "ADMIN"] as const;
export const roleSchema = z.object({
  userId: idField("user"),
  role: z.enum(ROLES, { error: "Choose READER, MODERATOR or ADMIN." }),
});

export const appealSchema = z.object({
  target: z.string().regex(/^(comment|sanction):[A-Za-z0-9_-]{1,64}$/, "Unknown appeal target."),
  text: z
    .string({ error: "Say why." })
    .trim()
    .min(10, "Say why in a sentence or two (at least 10 characters).")
    .max(APPEAL_MAX, `Keep it under ${APPEAL_MAX} characters.`),
});

export const appealDecisionSchema = z.object({
  appealId: idField("appeal"),
  uphold: z.preprocess((v) => v === true || v === "true" || v === "uphold", z.boolean()),
  note: noteField,
});
