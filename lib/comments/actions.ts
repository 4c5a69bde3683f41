"use server";
// The comment forms' server actions, each one line of lib/action.ts: parse the form, let the DAL
// (which authorizes) write, expire the story's comment caches, answer CommentFormState. Without
// JavaScript (no `enhanced=1`), a success redirects back to the comment.
import type {
  CommentFormState,
  CreateCommentResult,
  DeleteCommentResult,
  EditCommentResult,
  VoteCommentResult,
} from "@/lib/comments/types";
import * as writes from "@/lib/comments/dal/writes";
import { refuse } from "@/lib/result";
import {
  deleteCommentSchema,
  editCommentSchema,
  postCommentSchema,
  replyToCommentSchema,
  voteCommentSchema,
} from "@/lib/comments/schema";
import { paths } from "@/lib/paths";
import { OWN_COMMENTS_ANCHOR } from "@/lib/accounts/viewer";
import { action } from "../action";
import { commentPosted, commentsChanged, scoresChanged } from "../invalidate";

type Extra = Omit<Extract<CommentFormState, { ok: true }>, "ok" | "message">;
type FormBase = { returnTo?: string; enhanced: boolean; website?: string };
type Written = {
  articleId: string;
  articleSlug: string;
  commentId: string;
  status?: "PUBLISHED" | "PENDING";
};

/** Only a bot fills the hidden field. Refuse without saying why, and leave a trace for the operator. */
function honeypot(input: FormBase) {
  if (!input.website) return null;
  console.warn("[comments] honeypot field filled; submission refused");
  return refuse("invalid", "Your comment could not be posted.");
}

/**
 * Where a plain (no-JS) submit lands: the comment itself, unless it is gone (the thread) or held (the
 * author's own box, which only the per-request comments page renders without JavaScript).
 */
function landing(anchor: (r: Written) => string) {
  return (r: Written, input: FormBase) => {
    if (input.enhanced) return undefined;
    const to = anchor(r);
    const back =
      to === OWN_COMMENTS_ANCHOR
        ? `${paths.article(r.articleSlug)}/comments`
        : (input.returnTo ?? paths.article(r.articleSlug)).replace(/#.*$/, "");
    return `${back}#${to}`;
  };
}
const atComment = landing((r) => (r.status === "PENDING" ? OWN_COMMENTS_ANCHOR : `comment-${r.commentId}`));

/** The published count may change, so the front page's "Most commented" rail may too. */
const countChanged = (r: Written) => commentsChanged([r.articleId]);
/**
 * With JavaScript the writer's thread shows the new comment from the answer, so the page is expired
 * after it (batched per story); a plain form post is redirected to the page, which must show it.
 */
const posted = (r: Written, input: FormBase) =>
  input.enhanced ? commentPosted(r.articleId) : countChanged(r);
const textChanged = (r: Written) => commentsChanged([r.articleId], { counts: false });

export const postComment = action<typeof postCommentSchema, CreateCommentResult, Extra>(postCommentSchema, {
  run: async (d, actorId) =>
    honeypot(d) ??
    writes.createComment(actorId, { articleId: d.articleId, body: d.body, idempotencyKey: d.idempotencyKey }),
  invalidate: posted,
  done: (r) => ({ ok: true, message: r.message ?? "Your comment is posted.", commentId: r.commentId }),
  redirectTo: atComment,
});

export const replyToComment = action<typeof replyToCommentSchema, CreateCommentResult, Extra>(
  replyToCommentSchema,
  {
    run: async (d, actorId) =>
      honeypot(d) ??
      writes.createComment(actorId, {
        articleId: d.articleId,
        parentId: d.parentId,
        body: d.body,
        idempotencyKey: d.idempotencyKey,
      }),
    invalidate: posted,
    done: (r) => ({ ok: true, message: r.message ?? "Your reply is posted.", commentId: r.commentId }),
    redirectTo: atComment,
  },
);

export const editComment = action<typeof editCommentSchema, EditCommentResult, Extra>(editCommentSchema, {
  run: (d, actorId) => writes.editComment(actorId, { commentId: d.commentId, body: d.body }),
  // An edit a rule holds leaves the thread, so the published count changes with it.
  invalidate: (r) => (r.status === "PENDING" ? countChanged(r) : textChanged(r)),
  done: (r) => ({ ok: true, message: r.message ?? "Your comment is updated.", commentId: r.commentId }),
  redirectTo: atComment,
});

export const deleteComment = action<typeof deleteCommentSchema, DeleteCommentResult, Extra>(
  deleteCommentSchema,
  {
    run: (d, actorId) => writes.deleteComment(actorId, { commentId: d.commentId }),
    invalidate: countChanged,
    done: (r) => ({ ok: true, message: "Your comment is deleted.", commentId: r.commentId }),
    redirectTo: landing(() => "comments"),
  },
);

export const voteComment = action<typeof voteCommentSchema, VoteCommentResult, Extra>(voteCommentSchema, {
  run: (d, actorId) => writes.voteComment(actorId, { commentId: d.commentId, value: d.value }),
  // Scores may lag a few seconds for other readers; the voter gets theirs in the answer.
  invalidate: (r) => scoresChanged(r.articleId),
  done: (r) => ({
    ok: true,
    message: r.value === 0 ? "Your vote is removed." : "Your vote is counted.",
    commentId: r.commentId,
    score: r.score,
    vote: r.value,
  }),
  redirectTo: landing((r) => `comment-${r.commentId}`),
});
