"use client";
// The comment form for the story page's islands (the compose box and the in-place reply and edit),
// loaded only when a signed-in reader needs it: most readers of a story never write, and the form
// with its actions would otherwise be in every reader's first load. Pages that render the form on
// the server (the comments, reply and edit pages, for readers without JavaScript) import it directly.
import dynamic from "next/dynamic";

export const LazyCommentForm = dynamic(() => import("./comment-form").then((m) => m.CommentForm), {
  ssr: false,
  loading: () => <p className="mt-3 text-sm text-neutral-600 dark:text-neutral-400">Loading the form…</p>,
});
