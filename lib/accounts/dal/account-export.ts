// "Download my data": everything the site holds about the caller, as plain JSON. Tokens (OAuth access,
// refresh and id tokens, session and verification tokens) are credentials, not the reader's data, so
// they are selected out rather than filtered afterwards.
import "server-only";
import { db } from "@/lib/db";
import { refuse, type Result } from "@/lib/result";
import { DELETION_KEEPS } from "./account";

export type UserDataExport = {
  format: "newsroom-user-export/1";
  exportedAt: string;
  /** What deleting the account would keep (moderators' evidence, a sanction on the address). */
  onDeletion: string;
  profile: {
    id: string;
    name: string | null;
    email: string | null;
    emailVerified: string | null;
    image: string | null;
    role: string;
    status: string;
    createdAt: string;
  };
  signInMethods: { provider: string; type: string; providerAccountId: string; linkedAt: string }[];
  sessions: { createdAt: string; expires: string }[];
  comments: {
    id: string;
    article: { slug: string; headline: string };
    parentId: string | null;
    replyToId: string | null;
    depth: number;
    body: string;
    status: string;
    score: number;
    createdAt: string;
    editedAt: string | null;
  }[];
  votes: { commentId: string; articleSlug: string; value: number; createdAt: string }[];
};

const iso = (d: Date) => d.toISOString();

export async function exportUserData(actorId: string | null): Promise<Result<{ data: UserDataExport }>> {
  if (!actorId) return refuse("unauthenticated", "Sign in first.");
  const user = await db.user.findUnique({
    where: { id: actorId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      image: true,
      role: true,
      status: true,
      createdAt: true,
      accounts: {
        select: { provider: true, type: true, providerAccountId: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      sessions: { select: { createdAt: true, expires: true }, orderBy: { createdAt: "asc" } },
      comments: {
        select: {
          id: true,
          parentId: true,
          replyToId: true,
          depth: true,
          body: true,
          status: true,
          score: true,
          createdAt: true,
          editedAt: true,
          article: { select: { slug: true, headline: true } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      votes: {
        select: {
          commentId: true,
          value: true,
          createdAt: true,
          comment: { select: { article: { select: { slug: true } } } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user) return refuse("unauthenticated", "Sign in first.");
  return {
    ok: true,
    data: {
      format: "newsroom-user-export/1",
      exportedAt: new Date().toISOString(),
      onDeletion: DELETION_KEEPS,
      profile: {
        id: user.id,
        name: user.name,
        email: user.email,
        emailVerified: user.emailVerified ? iso(user.emailVerified) : null,
        image: user.image,
        role: user.role,
        status: user.status,
        createdAt: iso(user.createdAt),
      },
      signInMethods: user.accounts.map((a) => ({
        provider: a.provider,
        type: a.type,
        providerAccountId: a.providerAccountId,
        linkedAt: iso(a.createdAt),
      })),
      sessions: user.sessions.map((s) => ({ createdAt: iso(s.createdAt), expires: iso(s.expires) })),
      comments: user.comments.map((c) => ({
        id: c.id,
        article: c.article,
        parentId: c.parentId,
        replyToId: c.replyToId,
        depth: c.depth,
        body: c.body,
        status: c.status,
        score: c.score,
        createdAt: iso(c.createdAt),
        editedAt: c.editedAt ? iso(c.editedAt) : null,
      })),
      votes: user.votes.map((v) => ({
        commentId: v.commentId,
        articleSlug: v.comment.article.slug,
        value: v.value,
        createdAt: iso(v.createdAt),
      })),
    },
  };
}
