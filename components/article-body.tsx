import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

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
};

/**
 * Renders an article's Markdown. Raw HTML is dropped (`skipHtml`) and every URL goes through
 * react-markdown's allow-list (http, https, mailto, relative), so an imported story cannot carry
 * script into the page.
 */
export function ArticleBody({ markdown }: { markdown: string }) {
  return (
    <div className="prose prose-lg prose-neutral max-w-none font-serif dark:prose-invert prose-headings:font-sans prose-a:text-accent dark:prose-a:text-red-300">
      <Markdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        urlTransform={defaultUrlTransform}
        components={components}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
