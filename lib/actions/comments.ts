"use server";
// The comment forms' server actions. Each is a public POST endpoint: it parses the form as hostile
// input, asks the DAL (which authorizes), expires the caches that show the change and answers with
// CommentFormState. Without JavaScript (no `enhanced=1`), a success redirects back to the comment.
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { CommentFormState } from "@/lib/comments/types";
import type { CommentRef, CommentWriteRefusal, CreateCommentResult } from "@/lib/comments/write-results";
import { SIGN_IN_MESSAGE } from "@/lib/dal/comment-guards";
import * as writes from "@/lib/dal/comment-writes";
import { getSessionUserId } from "@/lib/dal/users";
import {
  deleteCommentSchema,
  editCommentSchema,
  fieldErrorsOf,
  formFields,
  postCommentSchema,
  replyToCommentSchema,
  voteCommentSchema,
} from "@/lib/schemas/comment";
import { paths } from "@/lib/seo/site";
import { commentsChanged } from "./invalidate";
import { OWN_COMMENTS_ANCHOR } from "@/lib/viewer";

type FormBase = { returnTo?: string; enhanced: boolean; website?: string };
type Success = CommentRef & { ok: true };

type Step<T extends FormBase, R extends Success> = {
  schema: z.ZodType<T>;
  write: (actorId: string, data: T) => Promise<R | CommentWriteRefusal>;
  /** The message and any extras the form shows on success. */
  done: (result: R) => Extract<CommentFormState, { ok: true }>;
  /** The published count changed, so the front page's "Most commented" rail may too. */
  countChanged?: boolean;
  /** Where a plain (no-JS) submit lands: the comment itself unless it is gone. */
  anchor?: (result: R) => string;
};

async function perform<T extends FormBase, R extends Success>(
  formData: unknown,
  step: Step<T, R>,
): Promise<CommentFormState> {
  if (!(formData instanceof FormData))
    return { ok: false, message: "The form could not be read. Please try again." };
  const parsed = step.schema.safeParse(formFields(formData));
  if (!parsed.success)
    return {
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  const data = parsed.data;
  if (data.website) {
    // Only a bot fills the hidden field. Refuse without saying why, and leave a trace for the operator.
    console.warn("[comments] honeypot field filled; submission refused");
    return { ok: false, message: "Your comment could not be posted." };
  }
  const actorId = await getSessionUserId();
  if (!actorId) return { ok: false, message: SIGN_IN_MESSAGE };

  const result = await step.write(actorId, data);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };

  commentsChanged([result.articleId], { counts: step.countChanged });

  const state = step.done(result);
  if (data.enhanced) return state;
  const anchor = step.anchor ? step.anchor(result) : `comment-${result.commentId}`;
  // A held comment is only in its author's box, which the (per-request) comments page renders; the
  // static story page shows it only with JavaScript.
  const back =
    anchor === OWN_COMMENTS_ANCHOR
      ? `${paths.article(result.articleSlug)}/comments`
      : (data.returnTo ?? paths.article(result.articleSlug)).replace(/#.*$/, "");
  redirect(`${back}#${anchor}`);
}

type CreatedComment = Extract<CreateCommentResult, { ok: true }>;

/** A held comment is not in the thread yet; the author finds it in their own box under the form. */
const heldAnchor = (r: { status: "PUBLISHED" | "PENDING"; commentId: string }) =>
  r.status === "PENDING" ? OWN_COMMENTS_ANCHOR : `comment-${r.commentId}`;

export async function postComment(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  return perform(formData, {
    schema: postCommentSchema,
    write: (actorId, d) =>
      writes.createComment(actorId, {
        articleId: d.articleId,
        body: d.body,
        idempotencyKey: d.idempotencyKey,
      }),
    done: (r: CreatedComment) => ({ ok: true, message: r.message ?? "Your comment is posted.", commentId: r.commentId }),
    countChanged: true,
    anchor: (r: CreatedComment) => heldAnchor(r),
  });
}

export async function replyToComment(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  return perform(formData, {
    schema: replyToCommentSchema,
    write: (actorId, d) =>
      writes.createComment(actorId, {
        articleId: d.articleId,
        parentId: d.parentId,
        body: d.body,
        idempotencyKey: d.idempotencyKey,
      }),
    done: (r: CreatedComment) => ({ ok: true, message: r.message ?? "Your reply is posted.", commentId: r.commentId }),
    countChanged: true,
    anchor: (r: CreatedComment) => heldAnchor(r),
  });
}

export async function editComment(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  return perform(formData, {
    schema: editCommentSchema,
    write: (actorId, d) => writes.editComment(actorId, { commentId: d.commentId, body: d.body }),
    done: (r) => ({ ok: true, message: "Your comment is updated.", commentId: r.commentId }),
  });
}

export async function deleteComment(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  return perform(formData, {
    schema: deleteCommentSchema,
    write: (actorId, d) => writes.deleteComment(actorId, { commentId: d.commentId }),
    done: (r) => ({ ok: true, message: "Your comment is deleted.", commentId: r.commentId }),
    countChanged: true,
    anchor: () => "comments",
  });
}

export async function voteComment(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  return perform(formData, {
    schema: voteCommentSchema,
    write: (actorId, d) => writes.voteComment(actorId, { commentId: d.commentId, value: d.value }),
    done: (r) => ({
      ok: true,
      message: r.value === 0 ? "Your vote is removed." : "Your vote is counted.",
      commentId: r.commentId,
      score: r.score,
      vote: r.value,
    }),
  });
}
