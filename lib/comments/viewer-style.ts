// Per-reader comment rules: the CSS that reveals the controls a reader may use in the shared, cached
// comment HTML, and why a signed-in reader may not comment. Built on the server (GET /api/viewer and the
// per-request comments pages); only checked ids reach the CSS.
import type { ViewerCommentState } from "@/lib/comments/dal/comments";
import type { Viewer } from "@/lib/accounts/dal/users";
import { postingNotice } from "@/lib/moderation/standing";
import { SAFE_ID } from "@/lib/accounts/viewer";

/** CSS revealing what `viewer` may use. Ids are checked to be cuid-shaped, so nothing else reaches CSS. */
export function viewerStyle(
  viewer: Pick<Viewer, "id">,
  state: ViewerCommentState,
  canWrite: boolean,
): string {
  if (!canWrite || !SAFE_ID.test(viewer.id)) return "";
  const own = `[data-comment-author="${viewer.id}"]`;
  const rules = [
    ".comment-signed-in,.comment-vote{display:contents}",
    `${own} .comment-owner{display:contents}`,
    `${own} .comment-vote{display:none}`,
    // Report: anyone's comment but one's own.
    `.comment-report{display:contents}${own} .comment-report{display:none}`,
  ];
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
export function statusNotice(viewer: Pick<Viewer, "standing">): string | null {
  return postingNotice(viewer.standing, "box");
}
