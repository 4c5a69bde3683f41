import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleControlsForm } from "@/components/moderation-forms";
import { getArticleControls } from "@/lib/moderation/dal/settings";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Story comment settings" };

export default async function ArticleControlsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await getArticleControls(await getSessionUserId(), id);
  if (!result.ok) notFound();
  const { article } = result;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Comments on “{article.headline}”</h1>
      <p className="mb-4">
        <Link href={paths.article(article.slug)} className="underline">
          Read the story
        </Link>{" "}
        ·{" "}
        <Link href={paths.moderation.queue({ queue: "all", article: article.id })} className="underline">
          Its comments in the queues
        </Link>
      </p>
      <ArticleControlsForm article={article} />
    </>
  );
}
