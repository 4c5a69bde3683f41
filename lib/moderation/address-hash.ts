// The key a sanction follows an e-mail address by, without keeping the address: an HMAC-SHA256 of the
// address lower-cased with any +tag removed (dots kept: many providers treat them as distinct), keyed
// by a secret derived from the server's AUTH_SECRET. Rotating AUTH_SECRET forgets the list.
import { createHmac } from "node:crypto";

/** `Name+x@Example.com` → `name@example.com`. */
export function normalizeAddress(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  const local = address.slice(0, at).split("+")[0];
  return `${local || address.slice(0, at)}${address.slice(at)}`;
}

/** A key of its own for this list, so the hashes say nothing about how AUTH_SECRET signs sessions. */
const keyOf = (secret: string) => createHmac("sha256", secret).update("sanctioned-address/v1").digest();

export function addressHash(email: string, secret: string): string {
  return createHmac("sha256", keyOf(secret)).update(normalizeAddress(email)).digest("hex");
}
