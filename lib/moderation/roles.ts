// Setting a role by e-mail, shared by `npm run users:role` (no session: the person at the server's
// console is trusted) and nothing else. Takes the client so the CLI can run outside Next.js.
import type { PrismaClient } from "@/lib/prisma";

export type RoleName = "READER" | "MODERATOR" | "ADMIN";
const ROLE_NAMES: readonly RoleName[] = ["READER", "MODERATOR", "ADMIN"];

export type RoleChange = {
  userId: string;
  email: string;
  created: boolean;
  before: RoleName | null;
  after: RoleName;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseRoleArgs(args: string[]): { email: string; role: RoleName } | string {
  if (args.length !== 2) return "Give an e-mail address and a role.";
  const email = args[0].trim().toLowerCase();
  const role = args[1].trim().toUpperCase();
  if (!EMAIL.test(email)) return `"${args[0]}" is not an e-mail address.`;
  if (!ROLE_NAMES.includes(role as RoleName))
    return `"${args[1]}" is not a role: use READER, MODERATOR or ADMIN.`;
  return { email, role: role as RoleName };
}

/** Creates the user when missing (so a fresh install can name its first admin); one audit record. */
export async function assignRoleByEmail(
  client: PrismaClient,
  email: string,
  role: RoleName,
): Promise<RoleChange> {
  return client.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { role }, select: { id: true } })
      : await tx.user.create({ data: { email, role }, select: { id: true } });
    await tx.auditLog.create({
      data: {
        action: "user.role",
        targetType: "user",
        targetId: user.id,
        subjectUserId: user.id,
        before: existing?.role ?? null,
        after: role,
        note: existing ? "Set from the command line" : "Created and set from the command line",
      },
    });
    return { userId: user.id, email, created: !existing, before: existing?.role ?? null, after: role };
  });
}
