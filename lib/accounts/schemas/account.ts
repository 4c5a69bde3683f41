// Account settings fields: the display name shown on comments, and the delete-account confirmation.
import { z } from "../../zod";
import { displayNameProblem } from "@/lib/accounts/display-name";
import { INVISIBLE } from "@/lib/moderation/confusables";

export const DISPLAY_NAME_MAX = 50;

// Control and format characters (bidi overrides, zero-width joiners) let a name impersonate another
// or scramble the text around it; fillers (U+3164) and the blank braille pattern show nothing.
const CONTROL = /\p{Cc}/gu;

export const displayNameSchema = z
  .string({ error: "Enter a display name." })
  .transform((s) =>
    s.normalize("NFC").replace(CONTROL, "").replace(INVISIBLE, "").replace(/\s+/g, " ").trim(),
  )
  .pipe(
    z
      .string()
      .min(2, "Use at least 2 characters.")
      .max(DISPLAY_NAME_MAX, `Use at most ${DISPLAY_NAME_MAX} characters.`)
      .refine((s) => /[\p{L}\p{N}]/u.test(s), "Use at least one letter or digit.")
      .superRefine((s, ctx) => {
        const problem = displayNameProblem(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  );

export const renameSchema = z.object({ name: displayNameSchema });

/** The reader types this word to confirm; a stray click cannot delete an account. */
export const DELETE_CONFIRMATION = "delete";

export const deleteAccountSchema = z.object({
  confirm: z
    .string({ error: `Type “${DELETE_CONFIRMATION}” to confirm.` })
    .trim()
    .toLowerCase()
    .refine((s) => s === DELETE_CONFIRMATION, `Type “${DELETE_CONFIRMATION}” to confirm.`),
});
