// RSS 2.0 from published stories, with the `feed` package. Pure: the route reads the stories and the
// image sizes, this turns them into XML.
import { Feed } from "feed";
import type { FeedArticle } from "@/lib/stories/dal/feeds";
import { absoluteUrl, site } from "./site";
import { paths } from "@/lib/paths";
import { cdataSafe, escapeXml, xmlChars } from "./xml";

/** Size and type of a hero image, known when the file is on our own disk. */
export type ImageFile = { length: number; type: string };

export type FeedChannel = {
  title: string;
  description: string;
  /** The page the feed mirrors, e.g. "/" or "/sections/city". */
  path: string;
  /** Where the feed itself is served, e.g. "/feed.xml". */
  feedPath: string;
};

export const RSS_HEADERS = {
  "Content-Type": "application/rss+xml; charset=utf-8",
  // Readers poll often; five minutes fresh, then served stale while one request refreshes it.
  "Cache-Control": "public, max-age=300, stale-while-revalidate=600",
} as const;

const IMAGE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
};

export function imageTypeOf(path: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(path)?.[1]?.toLowerCase() ?? "";
  return IMAGE_TYPES[ext] ?? "application/octet-stream";
}

export function buildRssFeed(
  channel: FeedChannel,
  articles: FeedArticle[],
  images: ReadonlyMap<string, ImageFile> = new Map(),
): string {
  const newest = articles.reduce<Date | undefined>(
    (max, a) => (!max || a.updatedAt > max ? a.updatedAt : max),
    undefined,
  );
  const feed = new Feed({
    title: xmlChars(channel.title),
    description: xmlChars(channel.description),
    id: absoluteUrl(channel.path),
    link: absoluteUrl(channel.path),
    feed: absoluteUrl(channel.feedPath),
    language: site.language,
    // A fixed time when the feed is empty, so an unchanged feed stays byte-for-byte the same.
    updated: newest ?? new Date(0),
    image: absoluteUrl(site.logo.path),
    copyright: xmlChars(`© ${site.name}`),
    generator: site.name,
  });

  for (const a of articles) {
    const url = absoluteUrl(paths.article(a.slug));
    const hero = a.hero ? absoluteUrl(a.hero.path) : null;
    const file = a.hero ? images.get(a.hero.path) : undefined;
    feed.addItem({
      title: cdataSafe(a.headline),
      // No guid/id: the feed package then writes the link as a permalink guid.
      link: url,
      date: a.updatedAt,
      published: a.publishedAt,
      description: cdataSafe(a.standfirst),
      // content:encoded also makes the package declare the dc namespace that dc:creator needs.
      content: cdataSafe(contentHtml(a, url, hero)),
      category: [
        { name: xmlChars(a.section.name), domain: escapeXml(absoluteUrl(paths.section(a.section.slug))) },
        ...a.tags.map((t) => ({ name: xmlChars(t.name), domain: escapeXml(absoluteUrl(paths.tag(t.slug))) })),
      ],
      // RSS's own <author> must be an e-mail address; bylines are names, which is what dc:creator is for.
      extensions: a.authors.length
        ? [{ name: "dc:creator", objects: { _text: xmlChars(a.authors.map((p) => p.name).join(", ")) } }]
        : undefined,
      enclosure: hero
        ? {
            url: escapeXml(hero),
            type: file?.type ?? imageTypeOf(hero),
            // RSS wants a length; 0 is the convention for "unknown" (a remote or missing file).
            length: file?.length ?? 0,
          }
        : undefined,
    });
  }
  return feed.rss2();
}

function contentHtml(a: FeedArticle, url: string, hero: string | null): string {
  const esc = (s: string) => escapeXml(s);
  const picture = hero ? `<p><img src="${esc(hero)}" alt="${esc(a.hero?.alt ?? "")}"/></p>` : "";
  return `${picture}<p>${esc(a.standfirst)}</p><p><a href="${esc(url)}">Read the full story</a></p>`;
}
