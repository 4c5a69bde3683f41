/**
 * @jest-environment jsdom
 */
// The story page's thread: the shared HTML has an empty controls slot per comment, and the one comment
// island draws the reader's controls into them from /api/viewer (fetch is stubbed with the payloads
// the route returns; the route itself is tested on real databases).
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { CommentsSection } from "@/components/comments-section";
import { CommentViewerIsland } from "@/components/comment-viewer-island";
import { refreshViewer } from "@/components/viewer-store";
import type { ViewerComments, ViewerPayload } from "@/lib/accounts/viewer";
import type { CommentPage } from "@/lib/comments/types";
import { commentView } from "../support/comment-views";

jest.mock("next/navigation", () => ({
  useRouter: () => ({ push: jest.fn() }),
  usePathname: () => "/articles/kelp-farmers",
}));
jest.mock("@/lib/comments/actions", () => jest.requireActual("../support/inert-comment-actions"));
jest.mock("@/lib/env", () => ({
  env: { SITE_TIMEZONE: "UTC", SITE_NAME: "The Test Courier", SITE_URL: "http://localhost:3000" },
}));

const article = { id: "story1", slug: "kelp-farmers", commentsClosed: false };
const view = commentView;
const page: CommentPage = {
  total: 4,
  nextCursor: null,
  threads: [
    { comment: view("c1"), replies: [view("c2", { parentId: "c1", depth: 2 })] },
    { comment: view("c3"), replies: [] },
    {
      comment: view("c5", { deleted: true, body: null, authorId: null, authorName: null, authorRole: null }),
      replies: [],
    },
  ],
};

let fetchMock: jest.Mock;
function answer(body: unknown) {
  fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => body }));
  global.fetch = fetchMock as unknown as typeof fetch;
}

const comments = (over: Partial<ViewerComments> = {}): ViewerComments => ({
  articleId: "story1",
  notice: null,
  editable: [{ id: "c2", body: "My **own** reply." }],
  votes: [{ commentId: "c1", value: 1 }],
  own: [],
  ...over,
});
const asC2 = (over: Partial<ViewerComments> = {}): ViewerPayload => ({
  user: { id: "user-c2", name: "Reader c2", staff: false },
  comments: comments(over),
});

function Story() {
  return (
    <main>
      <CommentsSection
        article={article}
        page={page}
        viewer={<CommentViewerIsland article={article} timeZone="UTC" />}
      />
    </main>
  );
}

const item = (id: string) => within(document.getElementById(`comment-${id}`)!);

describe("the thread's controls island", () => {
  it("draws nothing for a signed-out reader", async () => {
    answer({ user: null, comments: null });
    const { container } = render(<Story />);
    await screen.findByRole("link", { name: "Sign in to comment" });
    expect(container.querySelector("form")).toBeNull();
    expect(screen.queryByRole("link", { name: /^Reply/ })).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("draws each comment's controls for the reader: votes, report, and edit/delete on their own", async () => {
    answer(asC2());
    const { container } = render(<Story />);
    // Their own comment, still editable.
    expect(await item("c2").findByRole("link", { name: "Edit your comment" })).toHaveAttribute(
      "href",
      "/articles/kelp-farmers/comments/c2/edit",
    );
    expect(item("c2").getByRole("button", { name: "Delete your comment" })).toBeInTheDocument();
    expect(item("c2").getByRole("link", { name: "Reply to comment by Reader c2" })).toBeInTheDocument();
    expect(item("c2").queryByRole("button", { name: /vote/i })).toBeNull();
    expect(item("c2").queryByRole("link", { name: /^Report/ })).toBeNull();
    // Someone else's they upvoted; someone else's they did not.
    expect(
      item("c1").getByRole("button", { name: "Remove vote on comment by Reader c1" }),
    ).toBeInTheDocument();
    expect(item("c1").getByRole("button", { name: "Downvote comment by Reader c1" })).toBeInTheDocument();
    expect(item("c1").queryByRole("button", { name: /^Upvote/ })).toBeNull();
    expect(item("c1").getByRole("link", { name: "Report comment by Reader c1" })).toBeInTheDocument();
    expect(item("c3").getByRole("button", { name: "Upvote comment by Reader c3" })).toBeInTheDocument();
    expect(item("c3").queryByRole("link", { name: /^Edit/ })).toBeNull();
    expect(item("c3").queryByRole("button", { name: /^Delete/ })).toBeNull();
    // A deleted comment has no slot, so nothing.
    expect(item("c5").queryByRole("link", { name: /^Reply/ })).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("opens Reply and Edit in place, focused, and gives focus back on cancel", async () => {
    answer(asC2());
    render(<Story />);
    const reply = await item("c1").findByRole("link", { name: "Reply to comment by Reader c1" });
    fireEvent.click(reply);
    expect(reply).toHaveAttribute("aria-expanded", "true");
    await waitFor(() =>
      expect(screen.getByRole("textbox", { name: /^Your reply to Reader c1/ })).toHaveFocus(),
    );
    fireEvent.click(item("c2").getByRole("link", { name: "Edit your comment" }));
    const edit = await screen.findByRole("textbox", { name: "Edit your comment" });
    expect(edit).toHaveValue("My **own** reply.");
    const cancel = within(edit.closest("form")!).getByRole("button", { name: "Cancel" });
    fireEvent.click(cancel);
    await waitFor(() => expect(item("c2").getByRole("link", { name: "Edit your comment" })).toHaveFocus());
  });

  it("follows the reader's state when it changes, and draws nothing for a reader who may not write", async () => {
    answer(asC2());
    render(<Story />);
    await item("c3").findByRole("button", { name: "Upvote comment by Reader c3" });
    answer(asC2({ votes: [{ commentId: "c3", value: -1 }] }));
    await act(async () => refreshViewer());
    expect(
      await item("c3").findByRole("button", { name: "Remove vote on comment by Reader c3" }),
    ).toBeVisible();
    expect(item("c3").queryByRole("button", { name: /^Downvote/ })).toBeNull();
    expect(item("c1").getByRole("button", { name: "Upvote comment by Reader c1" })).toBeInTheDocument();

    answer(asC2({ notice: "Your account is suspended.", editable: [], votes: [] }));
    await act(async () => refreshViewer());
    expect(await screen.findByText("Your account is suspended.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /^Reply/ })).toBeNull();
    expect(document.querySelector("form")).toBeNull();
  });
});
