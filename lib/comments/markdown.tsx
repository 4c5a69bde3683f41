// The Markdown readers may use in comments: paragraphs, bold, italic, code, quotes, lists and links.
// Everything a hostile reader could use to run script in someone else's browser is refused at three
// layers: raw HTML never becomes elements (no rehype-raw, skipHtml), only the listed elements survive
// (others are unwrapped to their text, images dropped), and a link keeps its href only when it is an
// absolute http(s) or mailto URL.
import { Fragment, type ReactElement } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { withinInlineLimits } from "./inline";
import { flattenBlockNesting } from "./nesting";

export const COMMENT_ELEMENTS = [
  "p",
  "strong",
  "em",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "br",
];

const SAFE_URL = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/**
 * The link target to keep, or undefined to drop it. Parsed with the WHATWG URL parser, the one the
 * browser will use, so control characters, entities and odd casing cannot hide another scheme.
 */
export function safeCommentUrl(url: string): string | undefined {
  if (!SAFE_URL.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="nofollow ugc noopener">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

// Trees already built, by source, least recently used first. The per-request comments pages render
// every comment of a page again for each reader, and the parser costs 0.5–2.5 ms for even a one-line
// body (about three quarters of a long thread's page); a tree never changes for its source, and React
// elements are immutable, so one can go into any number of renders. Bounded by the sources' length
// (a tree is a few times its source), so a few thousand typical comments stay, never much memory.
const rendered = new Map<string, ReactElement>();
const RENDERED_CHARS = 1_000_000;
let renderedChars = 0;

/**
 * The comment's Markdown as a React tree, built now rather than when React renders it, so a caller
 * can catch a body the renderer fails on (a failure is not remembered). Nesting past the limit (older
 * or imported rows) is flattened first: the parser recurses once per level.
 */
export function commentMarkdown(source: string): ReactElement {
  const seen = rendered.get(source);
  if (seen) {
    rendered.delete(source);
    rendered.set(source, seen);
    return seen;
  }
  const tree = renderComment(source);
  rendered.set(source, tree);
  renderedChars += source.length;
  for (const [oldest] of rendered) {
    if (renderedChars <= RENDERED_CHARS) break;
    rendered.delete(oldest);
    renderedChars -= oldest.length;
  }
  return tree;
}

function renderComment(source: string): ReactElement {
  // Past the inline limits the parser's time grows with the square of the body: plain text instead.
  if (!withinInlineLimits(source)) return plainComment(source);
  return Markdown({
    remarkPlugins: [remarkGfm],
    skipHtml: true,
    allowedElements: COMMENT_ELEMENTS,
    unwrapDisallowed: true,
    urlTransform: (url, key) => (key === "href" ? safeCommentUrl(url) : undefined),
    components,
    children: flattenBlockNesting(source),
  });
}

/** The body as written: paragraphs at blank lines, line breaks kept, no markup read. */
function plainComment(source: string): ReactElement {
  const paragraphs = source.split(/\r?\n[ \t]*\r?\n\s*/).filter((p) => p.trim());
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>
          {paragraph.split(/\r?\n/).map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}

export function CommentMarkdown({ source }: { source: string }) {
  return commentMarkdown(source);
}
