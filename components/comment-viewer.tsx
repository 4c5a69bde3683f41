// The only per-reader part of the comments section: the compose box or why there is none, and a
// <style> that reveals the controls this reader may use in the shared, cached comment HTML. It reads
// the session, so it renders per request inside a <Suspense> boundary (or on a dynamic page).
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getCurrentUser, displayName, type Viewer } from "@/lib/dal/users";
import { listOwnHiddenComments, viewerCommentState, type ViewerCommentState } from "@/lib/dal/comments";
import { formatDateTime } from "./format";
import { CommentForm } from "./comment-form";
import { OwnCommentsBox, OwnCommentsNote } from "./comment-own-box";

export type ViewerArticle = { id: string; slug: string; commentsClosed: boolean };

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The sign-in page, coming back to `back` (the story's comments by default). */
export function signInHref(back: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(back)}`;
}

/** CSS revealing what `viewer` may use. Ids are checked to be cuid-shaped, so nothing else reaches CSS. */
export function viewerStyle(
  viewer: Pick<Viewer, "id">,
  state: ViewerCommentState,
  canWrite: boolean,
  hasOwnHidden = false,
): string {
  // The note only points at the box, so it is shown even to a reader who may no longer write.
  const note = hasOwnHidden ? ".comment-own-note{display:block}" : "";
  if (!canWrite || !SAFE_ID.test(viewer.id)) return note;
  const own = `[data-comment-author="${viewer.id}"]`;
  const rules = [
    ".comment-signed-in,.comment-vote{display:contents}",
    ".comment-compose-link{display:inline}.comment-signin-prompt{display:none}",
    `${own} .comment-owner{display:contents}`,
    `${own} .comment-vote{display:none}`,
    // Report: anyone's comment but one's own.
    `.comment-report{display:contents}${own} .comment-report{display:none}`,
  ];
  if (note) rules.push(note);
  for (const id of state.editable.filter((i) => SAFE_ID.test(i)))
    rules.push(`[id="comment-${id}"] .comment-edit{display:contents}`);
  for (const { commentId, value } of state.votes.filter((v) => SAFE_ID.test(v.commentId))) {
    const sel = `[id="comment-${commentId}"]`;
    rules.push(
      `${sel} .comment-vote-${value > 0 ? "up" : "down"}{display:none}${sel} .comment-vote-clear{display:contents}`,
    );
  }
  return rules.join("\n");
}

/** Why a signed-in reader may not comment, or null when they may. */
export function statusNotice(viewer: Viewer): string | null {
  if (viewer.status === "BANNED")
    return `Your account may no longer comment.${viewer.statusReason ? ` Reason: ${viewer.statusReason}` : ""}`;
  if (viewer.status === "SUSPENDED") {
    const until = viewer.suspendedUntil ? ` until ${formatDateTime(viewer.suspendedUntil)}` : "";
    return `Your account is suspended${until}, so you cannot comment.${viewer.statusReason ? ` Reason: ${viewer.statusReason}` : ""}`;
  }
  return null;
}

export async function CommentViewerPanel({
  article,
  returnTo,
}: {
  article: ViewerArticle;
  returnTo: string;
}) {
  if (article.commentsClosed) return null;
  const viewer = await getCurrentUser();
  if (!viewer) return <SignInPrompt slug={article.slug} />;
  const notice = statusNotice(viewer);
  const [state, ownHidden] = await Promise.all([
    notice ? { editable: [], votes: [] } : viewerCommentState(viewer.id, article.id),
    listOwnHiddenComments(viewer.id, article.id),
  ]);
  const css = viewerStyle(viewer, state, notice === null, ownHidden.length > 0);
  return (
    <div className="mt-4">
      {css ? <style>{css}</style> : null}
      {notice ? (
        <p className="text-neutral-800 dark:text-neutral-200">{notice}</p>
      ) : (
        <CommentForm
          mode={{ kind: "post", articleId: article.id }}
          returnTo={returnTo}
          idempotencyKey={randomUUID()}
          authorName={displayName(viewer)}
        />
      )}
      <OwnCommentsBox
        items={ownHidden}
        context={{ articleId: article.id, slug: article.slug, returnTo, open: false }}
      />
    </div>
  );
}

export function SignInPrompt({ slug, back }: { slug: string; back?: string }) {
  return (
    <p className="comment-signin-prompt mt-3 text-neutral-700 dark:text-neutral-300">
      <Link href={signInHref(back ?? `/articles/${slug}#comments`)} className="font-semibold underline">
        Sign in to comment
      </Link>
    </p>
  );
}

/**
 * What the cached page shows until the per-reader part arrives, and all a reader without JavaScript
 * sees of it (streamed content needs script to take its place). The reader's <style> still applies,
 * so a signed-in reader gets a link to the comments page, whose form works without JavaScript.
 */
export function CommentViewerFallback({ article }: { article: ViewerArticle }) {
  if (article.commentsClosed) return null;
  return (
    <div className="mt-3">
      <SignInPrompt slug={article.slug} />
      <p className="comment-compose-link hidden">
        <Link
          href={`/articles/${encodeURIComponent(article.slug)}/comments#comment-form`}
          className="font-semibold underline"
        >
          Write a comment
        </Link>
      </p>
      <OwnCommentsNote slug={article.slug} />
    </div>
  );
}
