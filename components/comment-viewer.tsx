// The per-reader part of the comments section on the per-request comments pages: the compose box or
// why there is none, and the reader's own hidden comments. The reader's controls under each comment
// are rendered from the same state (CommentsSection's `controls`). The static story page has client
// islands instead (comment-viewer-island.tsx).
import { randomUUID } from "node:crypto";
import { getCurrentUser, displayName, type Viewer } from "@/lib/accounts/dal/users";
import { readerCommentState } from "@/lib/accounts/dal/viewer";
import { controlsFor, type ControlsLookup } from "@/lib/comments/controls";
import { CommentForm } from "./comment-form";
import { OwnCommentsBox } from "./comment-own-box";
import { SignInPrompt } from "./comment-signin-prompt";

export type ViewerArticle = { id: string; slug: string; commentsClosed: boolean };

type CommentReader = { viewer: Viewer } & Awaited<ReturnType<typeof readerCommentState>>;

/** The signed-in reader and their part of the story's comments; null when signed out or closed. */
export async function loadCommentReader(article: ViewerArticle): Promise<CommentReader | null> {
  if (article.commentsClosed) return null;
  const viewer = await getCurrentUser();
  if (!viewer) return null;
  return { viewer, ...(await readerCommentState(viewer, article.id)) };
}

/** The reader's controls under each comment: none signed out or when they may not write. */
export function readerControls(reader: CommentReader | null): ControlsLookup | null {
  return reader?.controls ? controlsFor(reader.controls) : null;
}

export function CommentViewerPanel({
  article,
  reader,
  returnTo,
}: {
  article: ViewerArticle;
  reader: CommentReader | null;
  returnTo: string;
}) {
  if (article.commentsClosed) return null;
  if (!reader) return <SignInPrompt slug={article.slug} />;
  const { viewer, notice, ownHidden } = reader;
  return (
    <div className="mt-4">
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
