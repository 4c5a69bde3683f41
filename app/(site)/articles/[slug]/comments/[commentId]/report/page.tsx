// "Report this comment": the comment and the report form, rendered per request (it reads the session)
// and without Suspense, so it works without JavaScript. The Report link under each comment leads here.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommentItem } from "@/components/comment-item";
import { signInHref } from "@/components/comment-signin-prompt";
import { ReportCommentForm } from "@/components/moderation-report-form";
import { commentStorySlug, findComment } from "@/lib/comments/dal/comments";
import { getCurrentUser } from "@/lib/accounts/dal/users";
import { paths } from "@/lib/paths";

export const instant = false;
export const metadata: Metadata = {
  title: "Report a comment",
  robots: { index: false, follow: false },
};

type Props = { params: Promise<{ slug: string; commentId: string }> };

export default async function ReportCommentPage({ params }: Props) {
  const { slug: rawSlug, commentId: rawId } = await params;
  const [slug, id] = [decodeURIComponent(rawSlug), decodeURIComponent(rawId)];
  const viewer = await getCurrentUser();
  const viewerId = viewer?.id ?? null;
  const found = await findComment(id, viewerId);
  // A comment a report just hid is no longer public: keep the page (and the form's confirmation)
  // but show nothing of it.
  if (found ? found.article.slug !== slug : (await commentStorySlug(id, viewerId)) !== slug) notFound();
  const storyPath = paths.article(slug);
  const here = `${storyPath}/comments/${encodeURIComponent(id)}/report`;

  let body: React.ReactNode;
  if (!viewer)
    body = (
      <p>
        <a href={signInHref(here)} className="font-semibold underline">
          Sign in to report this comment
        </a>
      </p>
    );
  else if (found && found.comment.authorId === viewer.id)
    body = <p>This is your own comment; you cannot report it.</p>;
  else body = <ReportCommentForm commentId={id} />;

  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <a
          href={found ? `${storyPath}/comments/${encodeURIComponent(id)}` : `${storyPath}#comments`}
          className="underline"
        >
          Back to the {found ? "comment" : "comments"}
        </a>{" "}
        on{" "}
        <a href={storyPath} className="underline">
          {found ? found.article.headline : "the story"}
        </a>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">
        Report a comment{found ? ` by ${found.comment.authorName ?? "[deleted]"}` : ""}
      </h1>
      <div className="mt-4 border-l-4 border-neutral-300 pl-3 dark:border-neutral-600">
        {found ? (
          <CommentItem
            comment={found.comment}
            context={{ articleId: found.article.id, slug, returnTo: storyPath, open: false }}
          />
        ) : (
          <p className="py-3 italic">This comment is no longer shown.</p>
        )}
      </div>
      <div className="mt-6">{body}</div>
    </div>
  );
}
