// The per-reader part of the comments section on the per-request comments pages: the compose box or
// why there is none, and a <style> that reveals the controls this reader may use in the shared comment
// HTML. The static story page has a client island instead (comment-viewer-island.tsx).
import { randomUUID } from "node:crypto";
import { getCurrentUser, displayName } from "@/lib/accounts/dal/users";
import { readerCommentState } from "@/lib/accounts/dal/viewer";
import { CommentForm } from "./comment-form";
import { OwnCommentsBox } from "./comment-own-box";
import { SignInPrompt } from "./comment-signin-prompt";

export type ViewerArticle = { id: string; slug: string; commentsClosed: boolean };

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
  const { notice, css, ownHidden } = await readerCommentState(viewer, article.id);
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
