// A reader's own account: the overview on /account, renaming, signing out everywhere, the data export
// and deleting the account. Each function takes the caller's user id (from getSessionUserId(), null
// when signed out) first and checks it here, so a page or action that forgets cannot act for anyone else.
import "server-only";
import { displayNameProblem, nameSkeleton } from "@/lib/accounts/display-name";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { displayNameSchema } from "@/lib/accounts/schemas/account";
import { isRefusal, refuse, type Refusal, type ReasonCode, type Result } from "@/lib/result";
import { writeAudit } from "../../moderation/dal/audit";
import { displayName, requireActor } from "./users";

export type AccountOverview = {
  id: string;
  name: string | null;
  email: string | null;
  createdAt: Date;
  /** Sign-in methods besides the e-mail link, e.g. "github", "oidc". */
  providers: string[];
  commentCount: number;
  sessionCount: number;
};

/** What /account shows; null when nobody (or a since-deleted user) is signed in. */
export async function getAccountOverview(actorId: string | null): Promise<AccountOverview | null> {
  if (!actorId) return null;
  const user = await db.user.findUnique({
    where: { id: actorId },
    select: {
      id: true,
      name: true,
      email: true,
      createdAt: true,
      accounts: { select: { provider: true }, orderBy: { createdAt: "asc" } },
      _count: { select: { comments: { where: { status: { not: "DELETED" } } }, sessions: true } },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    createdAt: user.createdAt,
    providers: user.accounts.map((a) => a.provider),
    commentCount: user._count.comments,
    sessionCount: user._count.sessions,
  };
}

/** Stories the user commented on: their comment sections show the user's name and need refreshing. */
async function commentedArticleIds(userId: string): Promise<string[]> {
  const rows = await db.comment.findMany({
    where: { authorId: userId },
    select: { articleId: true },
    distinct: ["articleId"],
  });
  return rows.map((r) => r.articleId);
}

/** A reader may change their name this many times in RENAME_WINDOW_DAYS (counted in the audit log). */
const RENAMES_PER_WINDOW = 3;
const RENAME_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const nameRefusal = (message: string, code: ReasonCode = "invalid"): Refusal =>
  refuse(code, message, { fieldErrors: { name: [message] } });

/** Thrown inside the rename's transaction to roll it back with the reason. */
class RenameRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** The site's own name, with and without a leading "The", is no reader's to take. */
const siteNames = () => [env.SITE_NAME, env.SITE_NAME.replace(/^the\s+/i, "")];

/**
 * Renames the caller. Beyond the schema's rules (lib/accounts/display-name.ts) the name must not look
 * like a staff member's or another account's (compared by nameSkeleton; the unique column holds the
 * line against two renames at once), and a reader may rename RENAMES_PER_WINDOW times in
 * RENAME_WINDOW_DAYS. Each rename is written to the audit log, where moderators see it.
 */
export async function renameUser(
  actorId: string | null,
  rawName: unknown,
  now: Date = new Date(),
): Promise<Result<{ name: string; articleIds: string[] }>> {
  const user = await requireActor(actorId);
  if (isRefusal(user)) return user;
  // Suspended and banned readers keep their name: a new one would show on every comment they left.
  if (!user.standing.canPost)
    return refuse("forbidden", "Your account is restricted, so its name cannot change now.");
  const parsed = displayNameSchema.safeParse(rawName);
  if (!parsed.success) return nameRefusal(parsed.error.issues[0]?.message ?? "Enter a valid name.");
  const name = parsed.data;
  const siteProblem = displayNameProblem(name, siteNames());
  if (siteProblem) return nameRefusal(siteProblem);
  if (name === user.name) return { ok: true, name, articleIds: [] };

  const skeleton = nameSkeleton(name);
  try {
    await db.$transaction(
      async (tx) => {
        // Written first: the row lock makes a second rename of the same account wait and count this one.
        await tx.user.update({ where: { id: user.id }, data: { name, nameSkeleton: skeleton } });
        const since = new Date(now.getTime() - RENAME_WINDOW_DAYS * DAY_MS);
        const recent = await tx.auditLog.findMany({
          where: { subjectUserId: user.id, action: "user.rename", createdAt: { gte: since } },
          select: { createdAt: true },
          orderBy: { createdAt: "asc" },
        });
        if (recent.length >= RENAMES_PER_WINDOW) {
          const next = new Date(recent[0].createdAt.getTime() + RENAME_WINDOW_DAYS * DAY_MS);
          throw new RenameRefused(
            nameRefusal(
              `You can change your name ${RENAMES_PER_WINDOW} times in ${RENAME_WINDOW_DAYS} days. ` +
                `You can change it again after ${next.toISOString().slice(0, 10)}.`,
              "rate_limited",
            ),
          );
        }
        // Staff by skeleton, and names set before skeletons were stored (or by a sign-in provider).
        const others = await tx.user.findMany({
          where: {
            id: { not: user.id },
            name: { not: null },
            OR: [{ role: { in: ["MODERATOR", "ADMIN"] } }, { nameSkeleton: null }],
          },
          select: { name: true, role: true },
        });
        const lookalike = others.find((o) => nameSkeleton(o.name!) === skeleton);
        if (lookalike)
          throw new RenameRefused(
            nameRefusal(
              lookalike.role === "READER"
                ? "That name is taken. Choose another."
                : "That name belongs to a member of staff. Choose another.",
            ),
          );
        await writeAudit(tx, {
          actor: { id: user.id, name: displayName(user) },
          action: "user.rename",
          targetType: "user",
          targetId: user.id,
          subjectUserId: user.id,
          before: user.name,
          after: name,
        });
      },
      { timeout: 30_000 },
    );
  } catch (err) {
    if (err instanceof RenameRefused) return err.refusal;
    if ((err as { code?: unknown })?.code === "P2002")
      return nameRefusal("That name is taken. Choose another.");
    throw err;
  }
  return { ok: true, name, articleIds: await commentedArticleIds(user.id) };
}

/**
 * Ends every session of the caller, this browser's included, and voids the sign-in links mailed to
 * their address before now: a reader signing out everywhere after a leaked link expects it dead too.
 */
export async function endAllSessions(actorId: string | null): Promise<Result<{ ended: number }>> {
  const user = await requireActor(actorId);
  if (isRefusal(user)) return user;
  const email = user.email;
  const [{ count }] = await db.$transaction([
    db.session.deleteMany({ where: { userId: user.id } }),
    // An account without an address (an OAuth sign-up) has no links to void; never an empty filter.
    ...(email ? [db.verificationToken.deleteMany({ where: { identifier: email } })] : []),
  ]);
  return { ok: true, ended: count };
}

/** What deleting an account keeps, in the words the deletion page and the data export use. */
export const DELETION_KEEPS =
  "When you delete your account, comments a moderator rejected or marked as spam, and comments with open reports, keep their text for the moderators (readers see only “[deleted]”, without your name), and a suspension or ban stays with your e-mail address.";

/**
 * Deletes the caller's account in one transaction: the user, sessions, linked providers and votes
 * (taking each vote back out of its comment's score). Their comments stay with no author, so replies
 * keep their place in the thread: emptied and marked DELETED, except the evidence moderators need —
 * rejected and spam comments keep their status and text (readers never saw them), and comments with
 * open reports become DELETED for readers but keep their text for the Reported queue. The reports the
 * user made stay in the queue without a reporter (and stop counting). A sanction stays with the address
 * (lib/moderation/dal/sanctioned-addresses.ts). Returns the stories whose comment sections changed.
 */
export async function deleteUserAccount(actorId: string | null): Promise<Result<{ articleIds: string[] }>> {
  const user = await requireActor(actorId);
  if (isRefusal(user)) return user;
  const articleIds = await db.$transaction(
    async (tx) => {
      const votes = await tx.commentVote.findMany({
        where: { userId: user.id },
        select: { commentId: true, value: true, comment: { select: { articleId: true } } },
      });
      for (const v of votes)
        await tx.comment.update({ where: { id: v.commentId }, data: { score: { decrement: v.value } } });
      await tx.commentVote.deleteMany({ where: { userId: user.id } });

      const authored = await tx.comment.findMany({
        where: { authorId: user.id },
        select: { articleId: true },
        distinct: ["articleId"],
      });
      const orphan = { authorId: null, idempotencyKey: null };
      await tx.comment.updateMany({
        where: { authorId: user.id, status: { in: ["REJECTED", "SPAM"] } },
        data: orphan,
      });
      await tx.comment.updateMany({
        where: { authorId: user.id, reportCount: { gt: 0 }, reports: { some: { resolvedAt: null } } },
        data: { status: "DELETED", ...orphan },
      });
      await tx.comment.updateMany({
        where: { authorId: user.id },
        data: { status: "DELETED", body: "", previousBody: null, ...orphan },
      });
      if (user.email) await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
      // Sessions and accounts go with the user (onDelete: Cascade); a byline keeps its Author row.
      await tx.user.delete({ where: { id: user.id } });
      return [...new Set([...authored.map((c) => c.articleId), ...votes.map((v) => v.comment.articleId)])];
    },
    { timeout: 30_000 },
  );
  return { ok: true, articleIds };
}
