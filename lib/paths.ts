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
