import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { isLocalImagePath } from "@/lib/stories/local-image";
import { remarkPullQuotes } from "./markdown-pull-quotes";

/** Body images may come from our own /images/ folder or any https address; nothing else. */
function isAllowedImageSrc(src: unknown): src is string {
  if (typeof src !== "string") return false;
  return isLocalImagePath(src) || /^https:\/\/[^\s/]+\/\S*$/i.test(src);
}

// The page's h1 is the headline, so a body heading starts at h2.
const components: Components = {
  h1: ({ children }) => <h2>{children}</h2>,
  a: ({ href, children }) => {
    const external = href ? /^https?:\/\//i.test(href) : false;
    return (
      <a href={href} {...(external ? { rel: "noopener noreferrer" } : {})}>
        {children}
      </a>
    );
  },
  blockquote: ({ node, children }) =>
    node?.properties && "dataPullQuote" in node.properties ? (
      <figure className="pull-quote">
        <blockquote>{children}</blockquote>
      </figure>
    ) : (
      <blockquote>{children}</blockquote>
    ),
  img: ({ src, alt, title }) => {
    if (!isAllowedImageSrc(src)) return null;
    // Body images have no known dimensions, and remote ones must not go through the image optimiser
    // (the server fetches nothing at run time), so a plain lazy <img> it is.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt={alt ?? ""} title={title ?? undefined} loading="lazy" decoding="async" />;
  },
};

/**
 * Markdown parsing costs about a second per 100 kB on a busy server; a real story is 5-60 kB. Anything
 * far beyond that (a runaway import) is shown as plain paragraphs, so one document cannot tie up a
 * request for minutes.
 */
export const MARKDOWN_LIMIT = 200_000;

/**
 * Renders an article's Markdown. Raw HTML is dropped (`skipHtml`) and every URL goes through
 * react-markdown's allow-list (http, https, mailto, relative), so an imported story cannot carry
 * script into the page; images are narrowed further by isAllowedImageSrc.
 */
export function ArticleBody({ markdown }: { markdown: string }) {
  return (
    <div className="prose prose-lg prose-neutral max-w-none font-serif dark:prose-invert prose-headings:font-sans prose-a:text-accent dark:prose-a:text-red-300">
      {markdown.length > MARKDOWN_LIMIT ? (
        markdown.split(/\n\s*\n/).map((paragraph, i) => <p key={i}>{paragraph}</p>)
      ) : (
        <Markdown
          remarkPlugins={[remarkGfm, remarkPullQuotes]}
          skipHtml
          urlTransform={defaultUrlTransform}
          components={components}
        >
          {markdown}
        </Markdown>
      )}
    </div>
  );
}
