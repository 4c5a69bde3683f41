// Comments render on the server inside one cached render, where no React error boundary catches: a
// body the Markdown renderer fails on must show a notice in its own place and leave the rest standing.
import { renderToStaticMarkup } from "react-dom/server";
import { CommentsSection } from "@/components/comments-section";
import type { CommentPage, CommentView } from "@/lib/comments/types";
import { commentView } from "../support/comment-views";

jest.mock("@/lib/comments/actions", () => jest.requireActual("../support/inert-comment-actions"));
jest.mock("@/lib/env", () => ({
  env: { SITE_TIMEZONE: "UTC", SITE_NAME: "The Test Courier", SITE_URL: "http://localhost:3000" },
}));

// The renderer as it is, except that it fails the way it did on deep nesting for one marked body:
// the guard must hold for whatever the renderer throws on, not only for what we know today.
const BREAKS = "this body breaks the renderer";
jest.mock("react-markdown", () => {
  const actual = jest.requireActual("react-markdown");
  return {
    ...actual,
    __esModule: true,
    default: (options: { children?: string }) => {
      if (options.children?.includes(BREAKS)) throw new RangeError("Maximum call stack size exceeded");
      return actual.default(options);
    },
  };
});

const view = (id: string, body: string, over: Partial<CommentView> = {}) =>
  commentView(id, { body, ...over });

const page: CommentPage = {
  total: 4,
  nextCursor: null,
  threads: [
    { comment: view("c1", "**First** comment"), replies: [view("c2", BREAKS, { parentId: "c1", depth: 2 })] },
    { comment: view("c3", BREAKS), replies: [] },
    { comment: view("c4", "> Last comment, *quoted*"), replies: [] },
  ],
};

const article = { id: "art1", slug: "kelp-farmers", commentsClosed: false };

describe("a comment the renderer fails on", () => {
  it("shows a notice in its place while the other comments render", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const html = renderToStaticMarkup(<CommentsSection article={article} page={page} />);
      expect(html).toContain("<strong>First</strong> comment");
      expect(html).toMatch(/<blockquote>\s*<p>Last comment, <em>quoted<\/em><\/p>\s*<\/blockquote>/);
      expect(html.match(/This comment could not be displayed\./g)).toHaveLength(2);
      // Each notice sits in the failed comment's own place, after its author's name.
      for (const id of ["c2", "c3"]) {
        const item = html.slice(html.indexOf(`id="comment-${id}"`));
        expect(item.slice(0, item.indexOf('id="comment-', 10))).toContain(
          "This comment could not be displayed.",
        );
      }
      expect(html).not.toContain("Maximum call stack");
      expect(html).not.toContain(BREAKS);
      expect(warn.mock.calls.map((c) => c.join(" "))).toEqual([
        expect.stringMatching(/comment c2 could not be rendered: Maximum call stack size exceeded/),
        expect.stringMatching(/comment c3 could not be rendered: Maximum call stack size exceeded/),
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
