// Where the site lives and what it is called: every absolute URL in metadata, feeds, sitemaps and
// JSON-LD is built here from the one setting, env.SITE_URL.
import { env } from "@/lib/env";

export const site = {
  url: env.SITE_URL,
  name: env.SITE_NAME,
  /** BCP 47; the <html lang> in app/layout.tsx says the same. */
  language: "en",
  description: `News and comment from ${env.SITE_NAME}.`,
  /** The publisher logo in JSON-LD: a plain emblem, drawn without text so no font is involved. */
  logo: { path: "/logo.png", width: 512, height: 512 },
} as const;

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

/** Site-relative paths of every page the SEO pieces link to. */
export const paths = {
  home: "/",
  about: "/about",
  search: "/search",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  newsSitemap: "/news-sitemap.xml",
  article: (slug: string) => `/articles/${encodeURIComponent(slug)}`,
  /** The story's generated Open Graph image (its headline over the hero, or over a plain ground). */
  articleOgImage: (slug: string) => `/articles/${encodeURIComponent(slug)}/${ARTICLE_OG_IMAGE}`,
  section: (slug: string) => `/sections/${encodeURIComponent(slug)}`,
  sectionFeed: (slug: string) => `/sections/${encodeURIComponent(slug)}/feed.xml`,
  tag: (slug: string) => `/tags/${encodeURIComponent(slug)}`,
  author: (slug: string) => `/authors/${encodeURIComponent(slug)}`,
};

/**
 * An absolute URL for a site path or a public file. SITE_URL may carry a path prefix
 * ("https://example.org/news"), so paths are appended to it rather than resolved against its origin.
 * URLs that are already absolute pass through.
 */
export function absoluteUrl(path: string, base: string = site.url): string {
  if (/^https?:\/\//i.test(path)) return new URL(path).href;
  const root = base.endsWith("/") ? base : `${base}/`;
  return new URL(path.replace(/^\/+/, ""), root).href;
}
