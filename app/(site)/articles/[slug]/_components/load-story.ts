import { notFound, permanentRedirect } from "next/navigation";
import type { ArticleDetail } from "@/lib/stories/dal/articles";
import { cachedArticle } from "../../../_lib/cached";
import { paths } from "@/lib/paths";

/** The published story a comments URL names; an old slug moves to `rest` under the new one. */
export async function loadStory(rawSlug: string, rest = ""): Promise<ArticleDetail> {
  const found = await cachedArticle(decodeURIComponent(rawSlug));
  if (found.kind === "redirect") permanentRedirect(paths.articleWith(found.slug, rest));
  if (found.kind === "missing") notFound();
  return found.article;
}
