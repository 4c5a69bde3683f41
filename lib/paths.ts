// The one way to build a URL to one of our own pages: every slug and id is encoded here, and ESLint
// (eslint.config.mjs) refuses a template string that starts with one of these routes anywhere else.
// Site-relative only, and free of server imports so client components can use it; lib/seo/site.ts
// turns a path into an absolute URL from SITE_URL (an origin: lib/env.ts refuses one with a path).

type Query = Record<string, string | number | null | undefined | false>;

/** `?a=1&b=2` of the entries that have a value, or "" when none has. */
function query(params: Query): string {
  const kept = Object.entries(params).flatMap(([k, v]) =>
    v === undefined || v === null || v === false || v === "" ? [] : [[k, String(v)]],
  );
  return kept.length ? `?${new URLSearchParams(kept)}` : "";
}

const seg = encodeURIComponent;

/** djb2 over 32 bits, as Next hashes a route group's path (next/dist/shared/lib/hash). */
function djb2(text: string): number {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) & 0xffffffff;
  return hash >>> 0;
}

/**
 * Next serves a metadata image inside a route group under a name with a hash of the folder's path
 * (app/(site)/articles/[slug]/opengraph-image.tsx → /articles/<slug>/opengraph-image-<hash>);
 * __tests__/unit/seo-og-image-path.test.ts checks this against Next's own function.
 */
const ARTICLE_OG_IMAGE = `opengraph-image-${djb2("/(site)/articles/[slug]").toString(36).slice(0, 6)}`;

const article = (slug: string) => `/articles/${seg(slug)}`;
const comments = (slug: string) => `${article(slug)}/comments`;

export const paths = {
  home: "/",
  about: "/about",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  newsSitemap: "/news-sitemap.xml",
  search: (q?: string, page = 1) => `/search${query({ q, page: page > 1 && page })}`,
  article,
  /** The story's generated Open Graph image (its headline over the hero, or over a plain ground). */
  articleOgImage: (slug: string) => `${article(slug)}/${ARTICLE_OG_IMAGE}`,
  /** A story's own part: `#comments`, or `/comments…` when `rest` starts with "/". */
  articleWith: (slug: string, rest: string) => `${article(slug)}${rest}`,
  section: (slug: string) => `/sections/${seg(slug)}`,
  sectionFeed: (slug: string) => `/sections/${seg(slug)}/feed.xml`,
  tag: (slug: string) => `/tags/${seg(slug)}`,
  author: (slug: string) => `/authors/${seg(slug)}`,
  /** The per-request comment pages: the thread in pages, and one comment's reply/edit/report pages. */
  comments: (slug: string, params: Query = {}) => `${comments(slug)}${query(params)}`,
  comment: (slug: string, commentId: string) => `${comments(slug)}/${seg(commentId)}`,
  signIn: (callbackUrl?: string) => `/signin${query({ callbackUrl })}`,
  signInError: (error: string) => `/signin/error${query({ error })}`,
  viewer: (articleSlug?: string) => `/api/viewer${query({ article: articleSlug })}`,
  moderation: {
    queue: (params: Query = {}) => `/moderation${query(params)}`,
    article: (id: string) => `/moderation/articles/${seg(id)}`,
    users: (params: Query = {}) => `/moderation/users${query(params)}`,
    user: (id: string) => `/moderation/users/${seg(id)}`,
    log: (params: Query = {}) => `/moderation/log${query(params)}`,
    appeals: (params: Query = {}) => `/moderation/appeals${query(params)}`,
  },
};
