"use client";
// The story page's per-reader comment slot: "Sign in to comment", the compose box, or why there is
// none; the reader's own held comments; and their controls in the shared thread (one component for
// the whole thread, comment-thread-controls.tsx).
// The story page is static and cached for everyone, so this fills itself from /api/viewer. Without
// JavaScript the reader gets a link to the comments page, which renders all of it on the server.
import { useMemo } from "react";
import type { ViewerComments, ViewerOwnComment } from "@/lib/accounts/viewer";
import { CommentForm } from "./comment-form";
import { CommentThreadControls } from "./comment-thread-controls";
import { AwaitingLabel, OwnCommentsFrame } from "./comment-own-frame";
import { SignInPrompt } from "./comment-signin-prompt";
import { commentsOf, useViewer } from "./viewer-store";
import { paths } from "@/lib/paths";
import { Time } from "./ui/time";

type IslandArticle = { id: string; slug: string; commentsClosed: boolean };

export function CommentViewerIsland({ article, timeZone }: { article: IslandArticle; timeZone: string }) {
  const viewer = useViewer(article.id);
  if (article.commentsClosed) return null;
  const storyPath = paths.article(article.slug);
  if (viewer.status === "loading") return <NoScriptLink storyPath={storyPath} />;
  if (viewer.status === "error") return <CommentsPageLink storyPath={storyPath} />;
  const user = viewer.data.user;
  if (!user) return <SignInPrompt slug={article.slug} />;
  // Nothing while the answer for this story is not in yet (just navigated here), or when the story
  // stopped taking comments after the page was cached.
  const comments = commentsOf(viewer, article.id);
  if (!comments) return null;
  return (
    <div className="mt-4">
      {comments.notice ? (
        <p className="text-neutral-800 dark:text-neutral-200">{comments.notice}</p>
      ) : (
        <>
          <CommentForm
            mode={{ kind: "post", articleId: article.id }}
            returnTo={storyPath}
            authorName={user.name}
          />
          <ThreadControls userId={user.id} comments={comments} article={article} returnTo={storyPath} />
        </>
      )}
      {comments.own.length > 0 ? (
        <OwnCommentsFrame>
          {comments.own.map((c) => (
            <li key={c.id}>
              {c.awaiting ? <AwaitingLabel /> : null}
              <OwnComment comment={c} timeZone={timeZone} />
            </li>
          ))}
        </OwnCommentsFrame>
      ) : null}
    </div>
  );
}

function ThreadControls({
  userId,
  comments,
  article,
  returnTo,
}: {
  userId: string;
  comments: ViewerComments;
  article: IslandArticle;
  returnTo: string;
}) {
  const state = useMemo(
    () => ({ userId, editable: comments.editable, votes: comments.votes }),
    [userId, comments],
  );
  return (
    <CommentThreadControls state={state} articleId={article.id} slug={article.slug} returnTo={returnTo} />
  );
}

/** The reader's own copy, as written (the thread renders Markdown once a comment is public). */
function OwnComment({ comment, timeZone }: { comment: ViewerOwnComment; timeZone: string }) {
  return (
    <div id={`yours-${comment.id}`} className="py-3">
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold">{comment.authorName}</span>
        <Time
          date={comment.createdAt}
          timeZone={timeZone}
          className="text-neutral-600 dark:text-neutral-400"
        />
      </p>
      <p className="mt-1 whitespace-pre-wrap break-words">{comment.body}</p>
    </div>
  );
}

function CommentsPageLink({ storyPath }: { storyPath: string }) {
  return (
    <p className="mt-3">
      <a href={`${storyPath}/comments#comment-form`} className="font-semibold underline">
        Write a comment
      </a>{" "}
      <span className="text-neutral-700 dark:text-neutral-300">
        (and reply, vote or report on the comments page)
      </span>
    </p>
  );
}

/** The server's HTML before the reader's state is known: the comments page link, for no-script only. */
function NoScriptLink({ storyPath }: { storyPath: string }) {
  return (
    <noscript>
      <CommentsPageLink storyPath={storyPath} />
    </noscript>
  );
}
