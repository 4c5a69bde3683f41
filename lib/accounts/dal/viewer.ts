// The per-reader payload behind GET /api/viewer. Pages stay static (prerendered, cached); the little
// that differs per reader is fetched by client islands from here. Signed-out readers cost no query.
import "server-only";
import type { ReaderControlState } from "@/lib/comments/controls";
import { postingNotice } from "@/lib/moderation/standing";
import { SAFE_ID, SIGNED_OUT, type ViewerComments, type ViewerPayload } from "@/lib/accounts/viewer";
import { isRefusal } from "@/lib/result";
import { findOpenArticle } from "../../comments/dal/guards";
import { listOwnHiddenComments, viewerCommentState } from "../../comments/dal/comments";
import { displayName, getCurrentUser, type Viewer } from "./users";

/** Why a signed-in reader may not comment (and so gets no controls), or null when they may. */
export function statusNotice(viewer: Pick<Viewer, "standing">): string | null {
  return postingNotice(viewer.standing, "box");
}

/** Who is reading and, for `articleId`, what they may do in its comments. */
export async function loadViewerPayload(articleId: string | null): Promise<ViewerPayload> {
  const viewer = await getCurrentUser();
  if (!viewer) return SIGNED_OUT;
  const user = {
    id: viewer.id,
    name: displayName(viewer),
    staff: viewer.standing.isStaff,
  };
  const comments = articleId && SAFE_ID.test(articleId) ? await commentsFor(viewer, articleId) : null;
  return { user, comments };
}

/**
 * What a signed-in reader may do in a story's comments: why they may not write (or null), what their
 * controls depend on (none when they may not write), and their own comments nobody else sees. Shared
 * by /api/viewer and the per-request comments pages.
 */
export async function readerCommentState(viewer: Viewer, articleId: string) {
  const notice = statusNotice(viewer);
  const [state, ownHidden] = await Promise.all([
    notice ? null : viewerCommentState(viewer.id, articleId),
    listOwnHiddenComments(viewer.id, articleId),
  ]);
  const controls: ReaderControlState | null = state ? { userId: viewer.id, ...state } : null;
  return { notice, controls, ownHidden };
}

async function commentsFor(viewer: Viewer, articleId: string): Promise<ViewerComments | null> {
  // A missing or unpublished story, or one closed to comments: nothing to write, nothing to reveal.
  // (The same check a new comment meets in createComment.)
  if (isRefusal(await findOpenArticle(articleId, false))) return null;
  const { notice, controls, ownHidden } = await readerCommentState(viewer, articleId);
  return {
    articleId,
    notice,
    editable: controls?.editable ?? [],
    votes: controls?.votes ?? [],
    own: ownHidden.map(({ comment, awaiting }) => ({
      id: comment.id,
      authorName: comment.authorName ?? displayName(viewer),
      body: comment.body ?? "",
      createdAt: comment.createdAt,
      awaiting,
    })),
  };
}
