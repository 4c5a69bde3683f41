// The sign-in forms' fields. Shared by the server actions and their tests.
import { z } from "../../zod";

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
