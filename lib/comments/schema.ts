// What a comment form may send, shared by the server actions, the comment DAL and the forms. Free of
// server-only imports so client components can reuse the limits and messages.
import { z } from "../zod";
import { safeCallbackPath } from "@/lib/accounts/auth/pages";
import { inlineLimitMessage } from "@/lib/comments/inline";
import { blockNestingDepth, COMMENT_NESTING_LIMIT } from "@/lib/comments/nesting";
import { COMMENT_MAX_LENGTH } from "@/lib/comments/types";

// C0/C1 controls except tab and newline, the BOM, and the bidi embedding/override/isolate controls:
// invisible, and the last group can make a comment display differently from what it says
// ("Trojan Source"). Directional marks (LRM, RLM, ALM) stay; right-to-left text needs no overrides.
const STRIPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/** Bodies longer than this are refused before any normalising work is spent on them. */
const RAW_LIMIT = COMMENT_MAX_LENGTH * 4;

/**
 * The stored form of a comment body: one newline convention, NFC, no invisible controls, at most one
 * blank line in a row, trimmed. Idempotent, so the DAL can apply it again to what an action parsed.
 */
export function normalizeCommentBody(raw: string): string {
  return raw
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .normalize("NFC")
    .replace(STRIPPED, "")
    .replace(/\n[ \t]*(?:\n[ \t]*){2,}/g, "\n\n")
    .trim();
}

/** Characters as readers count them (code points), not UTF-16 units: an emoji is one. */
export const commentLength = (body: string) => [...body].length;

const formatter = new Intl.NumberFormat("en-GB");

export const commentBodySchema = z
  .string({ error: "Write your comment first." })
  .max(RAW_LIMIT, `Comments can be at most ${formatter.format(COMMENT_MAX_LENGTH)} characters.`)
  .transform(normalizeCommentBody)
  .check((ctx) => {
    const length = commentLength(ctx.value);
    if (length === 0)
      ctx.issues.push({ code: "custom", input: ctx.value, message: "Write your comment first." });
    else if (length > COMMENT_MAX_LENGTH)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: `Comments can be at most ${formatter.format(COMMENT_MAX_LENGTH)} characters (this one has ${formatter.format(length)}).`,
      });
    else if (blockNestingDepth(ctx.value) > COMMENT_NESTING_LIMIT)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: `Quotes and lists can be nested at most ${COMMENT_NESTING_LIMIT} deep.`,
      });
    else {
      const inline = inlineLimitMessage(ctx.value);
      if (inline) ctx.issues.push({ code: "custom", input: ctx.value, message: inline });
    }
  });

/** Row ids (cuids) and anything shaped like them; never free text. */
export const idField = (what: string) =>
  z
    .string({ error: `Missing ${what}.` })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `Unknown ${what}.`);

/** An absent or empty form field is "not sent". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const idempotencyKeySchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, "The form was damaged; reload the page and try again.")
    .optional(),
);

// Only a path on our own origin (safeCallbackPath); the base URL merely anchors the check.
const RETURN_BASE = "http://return-to.invalid";
const returnToSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(2000)
    // A path that fails the check is dropped (the action then returns to the story), not sent home.
    .transform((v) => {
      const safe = safeCallbackPath(v, RETURN_BASE);
      return safe === "/" && v.trim() !== "/" ? undefined : safe;
    })
    .optional()
    .catch(undefined),
);

/** The honeypot: hidden from people, filled by bots. Its value is checked by the action, not here. */
const honeypot = z.preprocess(blankToUndefined, z.string().max(10_000).optional().catch("filled"));

/** "1" when the form ran with JavaScript (useActionState); anything else means a plain POST. */
const enhanced = z.preprocess((v) => v === "1", z.boolean());

const common = { returnTo: returnToSchema, enhanced };

export const postCommentSchema = z.object({
  ...common,
  articleId: idField("story"),
  body: commentBodySchema,
  idempotencyKey: idempotencyKeySchema,
  website: honeypot,
});

export const replyToCommentSchema = postCommentSchema.extend({ parentId: idField("comment") });

export const editCommentSchema = z.object({
  ...common,
  commentId: idField("comment"),
  body: commentBodySchema,
});

export const deleteCommentSchema = z.object({ ...common, commentId: idField("comment") });

const VOTE_VALUES = { up: 1, down: -1, clear: 0 } as const;
const voteValueSchema = z
  .enum(["up", "down", "clear"], { error: "Choose up, down or clear." })
  .transform((v) => VOTE_VALUES[v]);

export const voteCommentSchema = z.object({
  ...common,
  commentId: idField("comment"),
  value: voteValueSchema,
});
