// Structured data (schema.org, typed by schema-dts) and its safe serialisation. Every URL is absolute.
import type {
  BreadcrumbList,
  Comment,
  NewsArticle,
  Organization,
  Person,
  SearchAction,
  WebSite,
  WithActionConstraints,
  WithContext,
} from "schema-dts";
import type { ArticleDetail } from "@/lib/stories/dal/articles";
import type { CommentThread } from "@/lib/comments/types";
import { absoluteUrl, site } from "./site";
import { paths } from "@/lib/paths";

export type JsonLdData = WithContext<NewsArticle | BreadcrumbList | WebSite | Organization>;

/**
 * JSON for a <script type="application/ld+json">. JSON.stringify leaves "<" alone, so a headline
 * containing "</script>" would close the element; "<", ">" and "&" become \u escapes, which any
 * JSON parser reads back as the same characters. U+2028/U+2029 are escaped for old JS parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function publisher(): Organization {
  return {
    "@type": "NewsMediaOrganization",
    name: site.name,
    url: absoluteUrl(paths.home),
    logo: {
      "@type": "ImageObject",
      url: absoluteUrl(site.logo.path),
      width: { "@type": "QuantitativeValue", value: site.logo.width, unitCode: "E37" },
      height: { "@type": "QuantitativeValue", value: site.logo.height, unitCode: "E37" },
    },
  };
}

type ArticleForJsonLd = Pick<
  ArticleDetail,
  "slug" | "headline" | "standfirst" | "publishedAt" | "updatedAt" | "section" | "authors" | "hero"
>;

export function newsArticleJsonLd(
  article: ArticleForJsonLd,
  opts: { commentCount?: number; comments?: CommentThread[] } = {},
): WithContext<NewsArticle> {
  const url = absoluteUrl(paths.article(article.slug));
  const modified =
    article.updatedAt && article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
  const authors: Person[] = article.authors.map((a) => ({
    "@type": "Person",
    name: a.name,
    url: absoluteUrl(paths.author(a.slug)),
  }));
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    description: article.standfirst,
    // Search engines want an image for article rich results: the hero, else the generated Open
    // Graph picture (the headline on a plain ground) that og:image names too.
    image: [absoluteUrl(article.hero?.path ? article.hero.path : paths.articleOgImage(article.slug))],
    datePublished: article.publishedAt.toISOString(),
    dateModified: modified.toISOString(),
    author: authors,
    publisher: publisher(),
    articleSection: article.section.name,
    commentCount: opts.commentCount ?? 0,
    ...(opts.comments?.length ? { comment: commentsJsonLd(url, opts.comments) } : {}),
    inLanguage: site.language,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
  };
}

/** The comments shown on the story page (deleted ones left out), each linking to its anchor. */
function commentsJsonLd(articleUrl: string, threads: CommentThread[]): Comment[] {
  return threads
    .flatMap((t) => [t.comment, ...t.replies])
    .filter((c) => !c.deleted && c.body !== null)
    .map((c) => ({
      "@type": "Comment",
      text: c.body ?? "",
      dateCreated: c.createdAt,
      ...(c.editedAt ? { dateModified: c.editedAt } : {}),
      author: { "@type": "Person", name: c.authorName ?? "Reader" },
      url: `${articleUrl}#comment-${c.id}`,
      ...(c.parentId
        ? { parentItem: { "@type": "Comment", url: `${articleUrl}#comment-${c.parentId}` } }
        : {}),
    }));
}

type Crumb = { name: string; path: string };

function breadcrumbJsonLd(trail: Crumb[]): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((c, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: c.name,
      item: absoluteUrl(c.path),
    })),
  };
}

/** Home › Section › Article. */
export function articleBreadcrumbJsonLd(
  article: Pick<ArticleDetail, "slug" | "headline" | "section">,
): WithContext<BreadcrumbList> {
  return breadcrumbJsonLd([
    { name: "Home", path: paths.home },
    { name: article.section.name, path: paths.section(article.section.slug) },
    { name: article.headline, path: paths.article(article.slug) },
  ]);
}

/** Home › <listing>, for section, tag, author, search and about pages. */
export function listingBreadcrumbJsonLd(name: string, path: string): WithContext<BreadcrumbList> {
  return breadcrumbJsonLd([
    { name: "Home", path: paths.home },
    { name, path },
  ]);
}

/** The site itself, with its search box, for the home page. */
export function websiteJsonLd(): WithContext<WebSite> {
  const search: WithActionConstraints<SearchAction> = {
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(paths.search())}?q={search_term_string}` },
    "query-input": "required name=search_term_string",
  };
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: absoluteUrl(paths.home),
    inLanguage: site.language,
    publisher: publisher(),
    potentialAction: search,
  };
}
