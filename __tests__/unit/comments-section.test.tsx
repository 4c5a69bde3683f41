/**
 * @jest-environment jsdom
 */
import { render, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { CommentsSection, commentsHeading } from "@/components/comments-section";
import { SignInPrompt } from "@/components/comment-signin-prompt";
import { controlsFor } from "@/lib/comments/controls";
import { newsArticleJsonLd } from "@/lib/seo/json-ld";
import type { CommentPage } from "@/lib/comments/types";
import { commentView } from "../support/comment-views";

// The forms post to server actions; rendering them needs only their references.
jest.mock("@/lib/comments/actions", () => jest.requireActual("../support/inert-comment-actions"));
jest.mock("@/lib/env", () => ({
  env: { SITE_TIMEZONE: "UTC", SITE_NAME: "The Test Courier", SITE_URL: "http://localhost:3000" },
}));

const article = { id: "art1", slug: "kelp-farmers", commentsClosed: false };
const view = commentView;

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

  it("under a thread cut short on the story page, links to the rest on the comments page", async () => {
    const cut: CommentPage = {
      total: 1250,
      nextCursor: null,
      threads: [{ comment: view("c1"), replies: [view("c2", { parentId: "c1", depth: 2 })], more: 1248 }],
    };
    const { container } = render(<CommentsSection article={article} page={cut} />);
    const link = screen.getByRole("link", { name: "1,248 more replies to Reader c1" });
    expect(link).toHaveAttribute("href", "/articles/kelp-farmers/comments?sort=newest#comment-c2");
    expect(await axe(container)).toHaveNoViolations();
    render(<CommentsSection article={article} page={{ ...cut, threads: [{ ...cut.threads[0], more: 1 }] }} />);
    expect(screen.getByRole("link", { name: "1 more reply to Reader c1" })).toBeInTheDocument();
    // A thread shown whole has no such link.
    render(<CommentsSection article={article} page={page} />);
    expect(screen.queryAllByRole("link", { name: /more repl/ })).toHaveLength(2);
  });

  // Replaces the test that every comment carried every control for CSS to hide: the shared story
  // page now carries an empty slot per comment, and a page rendered for a reader carries only theirs.
  it("on the shared story page, gives each comment an empty controls slot and no forms", () => {
    const { container } = render(<CommentsSection article={article} page={page} />);
    const slot = container.querySelector('#comment-c2 [data-comment-controls="c2"]');
    expect(slot).toHaveAttribute("data-author", "user-c2");
    expect(slot).toHaveAttribute("data-name", "Reader c2");
    expect(slot).toBeEmptyDOMElement();
    expect(container.querySelector("#comment-c5 [data-comment-controls]")).toBeNull();
    expect(container.querySelector("form")).toBeNull();
    expect(container.querySelector('a[href$="/reply"]')).toBeNull();
  });

  it("on a page rendered for a reader, gives each comment that reader's controls as plain forms and links", async () => {
    const controls = controlsFor({
      userId: "user-c2",
      editable: [{ id: "c2", body: "**bold** reply" }],
      votes: [{ commentId: "c1", value: 1 }],
    });
    const { container } = render(
      <CommentsSection article={article} page={page} controls={controls} returnTo="/here" />,
    );
    const item = (id: string) => within(container.querySelector(`#comment-${id}`) as HTMLElement);
    // Their own comment, still editable: reply, edit and delete; no vote, no report.
    expect(item("c2").getByRole("link", { name: "Reply to comment by Reader c2" })).toHaveAttribute(
      "href",
      "/articles/kelp-farmers/comments/c2/reply",
    );
    expect(item("c2").getByRole("link", { name: "Edit your comment" })).toHaveAttribute(
      "href",
      "/articles/kelp-farmers/comments/c2/edit",
    );
    expect(item("c2").getByRole("button", { name: "Delete your comment" })).toBeInTheDocument();
    expect(item("c2").queryByRole("button", { name: /vote/i })).toBeNull();
    expect(item("c2").queryByRole("link", { name: /^Report/ })).toBeNull();
    // Someone else's comment they upvoted: remove the vote or vote down, and report.
    expect(
      item("c1").getByRole("button", { name: "Remove vote on comment by Reader c1" }),
    ).toBeInTheDocument();
    expect(item("c1").getByRole("button", { name: "Downvote comment by Reader c1" })).toBeInTheDocument();
    expect(item("c1").queryByRole("button", { name: /^Upvote/ })).toBeNull();
    expect(item("c1").getByRole("link", { name: "Report comment by Reader c1" })).toHaveAttribute(
      "href",
      "/articles/kelp-farmers/comments/c1/report",
    );
    // Someone else's, not voted on: both votes; never edit or delete.
    expect(item("c3").getByRole("button", { name: "Upvote comment by Reader c3" })).toBeInTheDocument();
    expect(item("c3").getByRole("button", { name: "Downvote comment by Reader c3" })).toBeInTheDocument();
    expect(item("c3").queryByRole("button", { name: /^Remove vote/ })).toBeNull();
    expect(item("c3").queryByRole("link", { name: /^Edit/ })).toBeNull();
    expect(item("c3").queryByRole("button", { name: /^Delete/ })).toBeNull();
    // A deleted comment has none, and no comment has an empty slot.
    expect(item("c5").queryByRole("link", { name: /^Reply/ })).toBeNull();
    expect(container.querySelector("[data-comment-controls]")).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("on a page rendered for a reader without controls (signed out), has no forms", () => {
    const { container } = render(<CommentsSection article={article} page={page} controls={null} />);
    expect(container.querySelector("form")).toBeNull();
    expect(container.querySelector("[data-comment-controls]")).toBeNull();
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

// Replaces the tests of the CSS that revealed controls (viewerStyle): the same rules, as data.
describe("controlsFor", () => {
  const lookup = controlsFor({
    userId: "u1",
    editable: [{ id: "mine-new", body: "source" }],
    votes: [
      { commentId: "up", value: 1 },
      { commentId: "down", value: -1 },
    ],
  });

  it("gives the author delete (and edit while editable), never a vote or a report", () => {
    expect(lookup({ id: "mine-new", authorId: "u1" })).toEqual({
      vote: null,
      report: false,
      remove: true,
      edit: "source",
    });
    expect(lookup({ id: "mine-old", authorId: "u1" })).toEqual({
      vote: null,
      report: false,
      remove: true,
      edit: null,
    });
  });

  it("gives others' comments the reader's vote and a report, never edit or delete", () => {
    expect(lookup({ id: "up", authorId: "u2" })).toEqual({
      vote: 1,
      report: true,
      remove: false,
      edit: null,
    });
    expect(lookup({ id: "down", authorId: "u2" })).toMatchObject({ vote: -1 });
    expect(lookup({ id: "other", authorId: null })).toMatchObject({ vote: 0, report: true, remove: false });
    // An id in `editable` is only ever the reader's own; on another author's comment it grants nothing.
    expect(lookup({ id: "mine-new", authorId: "u2" })).toMatchObject({ edit: null, remove: false });
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
