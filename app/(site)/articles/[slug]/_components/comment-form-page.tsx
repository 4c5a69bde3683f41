// The reply and edit pages: the comment and the form, for readers without JavaScript (with it, the
// same form opens under the comment). Per request: they read the session.
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { CommentForm } from "@/components/comment-form";
import { CommentItem } from "@/components/comment-item";
import { SignInPrompt } from "@/components/comment-signin-prompt";
import { statusNotice } from "@/lib/accounts/dal/viewer";
import { COMMENT_EDIT_WINDOW_MS } from "@/lib/comments/types";
import { findComment } from "@/lib/comments/dal/comments";
import { displayName, getCurrentUser } from "@/lib/accounts/dal/users";
import { paths } from "@/lib/paths";

// Read at request time (these pages are dynamic); the action checks the window again.
const stillEditable = (createdAt: string) => Date.now() - Date.parse(createdAt) <= COMMENT_EDIT_WINDOW_MS;

export type CommentFormPageParams = Promise<{ slug: string; commentId: string }>;

export async function CommentFormPage({
  params,
  kind,
}: {
  params: CommentFormPageParams;
  kind: "reply" | "edit";
}) {
  const { slug, commentId } = await params;
  const viewer = await getCurrentUser();
  // A shadow-banned author's comment exists for its author only.
  const found = await findComment(decodeURIComponent(commentId), viewer?.id ?? null);
  if (!found || found.article.slug !== decodeURIComponent(slug)) notFound();
  const { comment, article } = found;
  const storyPath = paths.article(article.slug);
  const here = `${storyPath}/comments/${comment.id}/${kind}`;
  const name = comment.authorName ?? "[deleted]";

  let body: React.ReactNode;
  if (article.commentsClosed) body = <p>Comments are closed on this story.</p>;
  else if (!viewer) body = <SignInPrompt slug={article.slug} back={here} />;
  else if (statusNotice(viewer)) body = <p>{statusNotice(viewer)}</p>;
  else if (kind === "reply")
    body = (
      <CommentForm
        mode={{ kind: "reply", articleId: article.id, parentId: comment.id, parentAuthor: name }}
        returnTo={storyPath}
        idempotencyKey={randomUUID()}
        authorName={displayName(viewer)}
      />
    );
  else if (comment.authorId !== viewer.id) body = <p>You can only edit your own comments.</p>;
  else if (!stillEditable(comment.createdAt))
    body = <p>Comments can be edited for 15 minutes after posting; this one can no longer be changed.</p>;
  else
    body = (
      <CommentForm
        mode={{ kind: "edit", commentId: comment.id, body: comment.body ?? "" }}
        returnTo={storyPath}
      />
    );

  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <a href={`${storyPath}/comments/${comment.id}`} className="underline">
          Back to the comment
        </a>{" "}
        on{" "}
        <a href={storyPath} className="underline">
          {article.headline}
        </a>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">
        {kind === "reply" ? `Reply to ${name}` : "Edit your comment"}
      </h1>
      <div className="mt-4 border-l-4 border-neutral-300 pl-3 dark:border-neutral-600">
        <CommentItem
          comment={comment}
          context={{ articleId: article.id, slug: article.slug, returnTo: storyPath, open: false }}
        />
      </div>
      <div className="mt-4">{body}</div>
    </div>
  );
}
