// The sign-in forms' fields. Shared by the server actions and their tests.
import { z } from "zod";

export const signInEmailSchema = z.object({
  email: z
    .string({ error: "Enter your e-mail address." })
    .trim()
    .toLowerCase()
    .min(1, "Enter your e-mail address.")
    .max(254, "That address is too long.")
    .pipe(z.email("Enter an e-mail address like name@example.com.")),
  callbackUrl: z.string().max(2000).optional(),
});

export const signInProviderSchema = z.object({
  provider: z.string().regex(/^[a-z0-9-]{1,40}$/),
  callbackUrl: z.string().max(2000).optional(),
});

/** One result shape for every sign-in and account form (house style). */
export type FormState =
  | null
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };

/** The zod issues as field → messages, for aria-describedby'd error lists. */
export function fieldErrorsOf(error: z.ZodError): Partial<Record<string, string[]>> {
  return z.flattenError(error).fieldErrors as Partial<Record<string, string[]>>;
}
