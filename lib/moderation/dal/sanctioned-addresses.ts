// Sanctions follow the e-mail address (prisma/schema.prisma SanctionedAddress): a suspended or banned
// reader who deletes the account and signs in again with the same address, or with a +tag on it, starts
// the new account under the same sanction. The list holds keyed hashes, never the addresses.
import "server-only";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/accounts/auth/secret";
import { addressHash } from "@/lib/moderation/address-hash";
import { writeAudit } from "./audit";

type Tx = Pick<typeof db, "user" | "sanctionedAddress">;

function hashOf(email: string): string {
  const secret = authSecret();
  if (!secret) throw new Error("AUTH_SECRET is not set: sanctioned addresses cannot be recorded.");
  return addressHash(email, secret);
}

/**
 * Makes the list say what the user's row says: their address listed while they are suspended or banned,
 * with the same until and reason, and not listed once they are neither. Call it in the transaction that
 * sanctions or lifts.
 */
export async function syncSanctionedAddress(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { email: true, status: true, suspendedUntil: true, statusReason: true },
  });
  if (!user?.email) return;
  const hash = hashOf(user.email);
  if (user.status === "ACTIVE") {
    await tx.sanctionedAddress.deleteMany({ where: { hash } });
    return;
  }
  const entry = { sanction: user.status, until: user.suspendedUntil, reason: user.statusReason };
  await tx.sanctionedAddress.upsert({ where: { hash }, create: { hash, ...entry }, update: entry });
}

export type SignInUser = {
  id?: string;
  email?: string | null;
  emailVerified?: Date | null;
  name?: string | null;
  image?: string | null;
};

export const CARRIED_OVER_NOTE =
  "Carried over: an earlier account at this address was under this sanction when it was deleted.";

/**
 * The Auth.js adapter's createUser: the new user, created already suspended or banned when the address
 * is listed (a suspension only while it lasts), with a system record of that in the audit log, which is
 * also what the user can appeal.
 */
export async function createSignInUser(input: SignInUser, now: Date = new Date()) {
  // Auth.js proposes an id; the database makes its own, as the stock adapter lets it.
  const { id: _ignored, ...data } = input;
  void _ignored;
  return db.$transaction(async (tx) => {
    const listed = data.email
      ? await tx.sanctionedAddress.findUnique({ where: { hash: hashOf(data.email) } })
      : null;
    const live =
      listed &&
      (listed.sanction === "BANNED" ||
        (listed.sanction === "SUSPENDED" && (!listed.until || listed.until > now)));
    const user = await tx.user.create({
      data: {
        ...data,
        ...(live
          ? { status: listed.sanction, suspendedUntil: listed.until, statusReason: listed.reason }
          : {}),
      },
    });
    if (live)
      await writeAudit(tx, {
        actor: null,
        action: listed.sanction === "BANNED" ? "user.ban" : "user.suspend",
        targetType: "user",
        targetId: user.id,
        subjectUserId: user.id,
        before: "ACTIVE",
        after: listed.until ? `SUSPENDED until ${listed.until.toISOString()}` : listed.sanction,
        reason: listed.reason,
        note: CARRIED_OVER_NOTE,
      });
    return user;
  });
}
