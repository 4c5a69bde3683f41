/**
 * @jest-environment jsdom
 */
import { render, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { CommentsSection, commentsHeading } from "@/components/comments-section";
import { SignInPrompt } from "@/components/comment-signin-prompt";
import { viewerStyle } from "@/lib/comments/viewer-style";
import { newsArticleJsonLd } from "@/lib/seo/json-ld";
import type { CommentPage, CommentView } from "@/lib/comments/types";

// The forms post to server actions; rendering them needs only their references.
jest.mock("@/lib/comments/actions", () => jest.requireActual("../support/inert-comment-actions"));
jest.mock("@/lib/env", () => ({
  env: { SITE_TIMEZONE: "UTC", SITE_NAME: "The Test Courier", SITE_URL: "http://localhost:3000" },
}));

const article = { id: "art1", slug: "kelp-farmers", commentsClosed: false };
const view = (id: string, over: Partial<CommentView> = {}): CommentView => ({
  id,
  authorId: `user-${id}`,
  authorName: `Reader ${id}`,
  authorRole: "READER",
  parentId: null,
  replyTo: null,
  depth: 1,
  body: `Body of ${id}`,
  deleted: false,
  score: 1,
  createdAt: "2026-11-15T08:00:00.000Z",
  editedAt: null,
  ...over,
});

const page: CommentPage = {
  total: 5,
  nextCursor: "bi4xMjM0LmNhYmM",
  threads: [
    {
      comment: view("c1", { authorRole: "MODERATOR", editedAt: "2026-11-15T08:05:00.000Z" }),
      replies: [
        view("c2", { parentId: "c1", depth: 2, body: "**bold** reply" }),
        view("c3", { parentId: "c2", depth: 3 }),
        view("c4", { parentId: "c2", depth: 3, replyTo: { id: "c3", authorName: "Reader c3" } }),
      ],
    },
    {
      comment: view("c5", { deleted: true, body: null, authorId: null, authorName: null, authorRole: null }),
      replies: [view("c6", { parentId: "c5", depth: 2 })],
    },
  ],
};

describe("commentsHeading", () => {
  it.each([
    [0, "0 Comments"],
    [1, "1 Comment"],
    [2, "2 Comments"],
    [1234, "1234 Comments"],
  ])("heads %i comments as %s", (count, text) => {
    expect(commentsHeading(count)).toBe(text);
  });
});

describe("CommentsSection", () => {
  it("is a labelled region with threads, badges, edits, replies and permalinks", async () => {
    const { container } = render(
      <CommentsSection article={article} page={page} viewer={<SignInPrompt slug={article.slug} />} />,
    );
    const region = screen.getByRole("region", { name: "5 Comments" });
    expect(within(region).getByRole("heading", { level: 2 })).toHaveTextContent("5 Comments");
    expect(within(region).getByRole("link", { name: "Sign in to comment" })).toHaveAttribute(
      "href",
      "/signin?callbackUrl=%2Farticles%2Fkelp-farmers%23comments",
    );
    const first = container.querySelector("#comment-c1")!;
    expect(first).toHaveAttribute("data-comment-author", "user-c1");
    expect(within(first as HTMLElement).getByText("Staff")).toBeInTheDocument();
    expect(first).toHaveTextContent(/\(edited 15 November 2026/);
    expect(container.querySelector("#comment-c2 strong")).toHaveTextContent("bold");
    expect(container.querySelector("#comment-c4")).toHaveTextContent("in reply to Reader c3");
    expect(container.querySelector("#comment-c5")).toHaveTextContent("[deleted]");
    expect(container.querySelector("#comment-c5")).not.toHaveAttribute("data-comment-author");
    expect(within(first as HTMLElement).getByRole("link", { name: /^Link/ })).toHaveAttribute(
      "href",
      "/articles/kelp-farmers/comments/c1",
    );
    expect(screen.getByRole("link", { name: "Load more comments" })).toHaveAttribute(
      "href",
      `/articles/kelp-farmers/comments?sort=newest&after=${page.nextCursor}`,
    );
    expect(screen.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "page");
    expect(await axe(container)).toHaveNoViolations();
  });

  it("renders the reply and edit links as pages for readers without JavaScript", () => {
    const { container } = render(<CommentsSection article={article} page={page} />);
    const reply = container.querySelector('#comment-c2 a[href$="/reply"]');
    expect(reply).toHaveAttribute("href", "/articles/kelp-farmers/comments/c2/reply");
    expect(container.querySelector('#comment-c2 a[href$="/edit"]')).not.toBeNull();
  });

  it("says when comments are closed, with no prompt and no controls", () => {
    const closed = { ...article, commentsClosed: true };
    const { container } = render(
      <CommentsSection article={closed} page={{ ...page, total: 0, threads: [] }} />,
    );
    expect(screen.getByText("Comments are closed on this story.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Sign in to comment" })).toBeNull();
    expect(container.querySelector("form")).toBeNull();
  });
});

describe("viewerStyle", () => {
  const state = { editable: ["c2"], votes: [{ commentId: "c1", value: 1 }] };

  it("reveals the viewer's own controls, editable comments and votes", () => {
    const css = viewerStyle({ id: "user-c2" }, state, true);
    expect(css).toContain('[data-comment-author="user-c2"] .comment-owner{display:contents}');
    expect(css).toContain('[id="comment-c2"] .comment-edit{display:contents}');
    expect(css).toContain('[id="comment-c1"] .comment-vote-up{display:none}');
    expect(css).toContain(".comment-signed-in,.comment-vote{display:contents}");
  });

  it("reveals nothing to a reader who may not write, and never lets odd ids into the CSS", () => {
    expect(viewerStyle({ id: "user-c2" }, state, false)).toBe("");
    expect(viewerStyle({ id: 'x"]{}*{display:none' }, state, true)).toBe("");
    const css = viewerStyle({ id: "ok" }, { editable: ['"]}body{x'], votes: [] }, true);
    expect(css).not.toContain("body{");
  });
});

describe("JSON-LD comments", () => {
  it("lists the page's visible comments with authors, dates and anchors", () => {
    const ld = newsArticleJsonLd(
      {
        slug: "kelp-farmers",
        headline: "h",
        standfirst: "s",
        publishedAt: new Date("2026-11-15T08:00:00Z"),
        updatedAt: null,
        section: { slug: "climate", name: "Climate" },
        authors: [],
        hero: null,
      },
      { commentCount: 5, comments: page.threads },
    );
    expect(ld.commentCount).toBe(5);
    const comments = ld.comment as unknown as { url: string; author: { name: string }; text: string }[];
    expect(comments.map((c) => c.url.split("#")[1])).toEqual([
      "comment-c1",
      "comment-c2",
      "comment-c3",
      "comment-c4",
      "comment-c6",
    ]);
    expect(comments[0]).toMatchObject({ author: { name: "Reader c1" }, text: "Body of c1" });
  });
});
