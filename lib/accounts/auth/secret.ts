// The server secret Auth.js signs with, read in one place: lib/accounts/auth/auth.ts hands it to Auth.js, and the
// sanctioned-address list derives its HMAC key from it (lib/moderation/address-hash.ts).
import { env } from "../../env";

export const building = process.env.NEXT_PHASE === "phase-production-build";

/**
 * `next dev` and tests run without .env.local on a fresh clone; a fixed secret keeps sign-in working
 * there. Production without AUTH_SECRET gets undefined (lib/accounts/auth/auth.ts refuses to start), and the build
 * only needs a value to load.
 */
export function authSecret(): string | undefined {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV !== "production" || building) return "development-only-auth-secret-not-for-production-use";
  return undefined;
}
