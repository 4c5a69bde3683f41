/**
 * @jest-environment jsdom
 */
// The per-reader islands on static pages: the header's sign-in state and the story's comment slot, fed
// by one GET /api/viewer per page. The server's answer is the outside world here, so fetch is stubbed
// with the payloads the route returns (the route itself is tested on real databases).
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { renderToStaticMarkup } from "react-dom/server";
import { axe } from "jest-axe";
import { CommentViewerIsland } from "@/components/comment-viewer-island";
import { UserMenu } from "@/components/user-menu";
import { refreshViewer } from "@/components/viewer-store";
import type { ViewerPayload } from "@/lib/accounts/viewer";

const mockPush = jest.fn();
jest.mock("next/navigation", () => ({
  useRouter: () => ({ push: mockPush }),
  usePathname: () => "/articles/story",
}));
jest.mock("@/lib/accounts/actions/auth", () => ({ signOutAction: jest.fn(async () => undefined) }));
jest.mock("@/lib/comments/actions", () => jest.requireActual("../support/inert-comment-actions"));

const article = { id: "story1", slug: "kelp-farmers", commentsClosed: false };

let fetchMock: jest.Mock;
function answer(body: unknown, status = 200) {
  // jsdom has no Response; the store reads only ok, status and json().
  fetchMock = jest.fn(async () => ({ ok: status < 400, status, json: async () => body }));
  global.fetch = fetchMock as unknown as typeof fetch;
}

function Page({ story = article }: { story?: typeof article }) {
  return (
    <>
      <header>
        <UserMenu />
      </header>
      <main>
        <h1>Story</h1>
        <section aria-labelledby="comments-heading">
          <h2 id="comments-heading">0 Comments</h2>
          <CommentViewerIsland article={story} timeZone="UTC" />
        </section>
      </main>
    </>
  );
}

const signedIn = (overrides: Partial<ViewerPayload> = {}): ViewerPayload => ({
  user: { id: "user1", name: "Ada Reader", staff: false },
  comments: { articleId: "story1", notice: null, editable: [], votes: [], own: [] },
  ...overrides,
});

describe("the server's HTML (and what a reader without JavaScript gets)", () => {
  it("is the same for everyone: a Sign in link and, for the comments, the comments page link", () => {
    const html = renderToStaticMarkup(<Page />);
    expect(html).toContain('<a href="/signin"');
    expect(html).toContain("<noscript>");
    expect(html).toContain('href="/articles/kelp-farmers/comments#comment-form"');
    expect(html).not.toContain("Ada Reader");
  });
});

describe("with JavaScript", () => {
  it("asks /api/viewer once for both islands and shows a signed-out reader the sign-in links", async () => {
    answer({ user: null, comments: null });
    const { container } = render(<Page />);
    expect(await screen.findByRole("link", { name: "Sign in to comment" })).toHaveAttribute(
      "href",
      "/signin?callbackUrl=%2Farticles%2Fkelp-farmers%23comments",
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe("/api/viewer?article=story1");
    const signIn = within(screen.getByRole("banner")).getByRole("link", { name: "Sign in" });
    window.history.pushState({}, "", "/articles/kelp-farmers");
    fireEvent.click(signIn);
    expect(mockPush).toHaveBeenCalledWith("/signin?callbackUrl=%2Farticles%2Fkelp-farmers");
    expect(await axe(container)).toHaveNoViolations();
  });

  it("shows a signed-in reader their name, the form, their controls and their held comments", async () => {
    answer(
      signedIn({
        user: { id: "user1", name: "Ada Staff", staff: true },
        comments: {
          articleId: "story1",
          notice: null,
          editable: [],
          votes: [],
          own: [
            {
              id: "c9",
              authorName: "Ada Staff",
              body: "Held *for* a moderator.",
              createdAt: "2026-11-30T09:00:00.000Z",
              awaiting: true,
            },
          ],
        },
      }),
    );
    const { container } = render(<Page />);
    expect(await screen.findByTestId("user-name")).toHaveTextContent("Ada Staff");
    expect(screen.getByRole("link", { name: "Moderation" })).toHaveAttribute("href", "/moderation");
    expect(screen.getByRole("textbox", { name: "Your comment" })).toBeInTheDocument();
    // Their controls under the thread's comments: comment-thread-controls.test.tsx.
    const own = container.querySelector("#your-comments")!;
    expect(own).toHaveTextContent("Awaiting moderation");
    expect(own).toHaveTextContent("Held *for* a moderator.");
    expect(screen.queryByRole("link", { name: "Sign in to comment" })).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("tells a suspended reader why there is no box", async () => {
    answer(
      signedIn({
        user: { id: "user2", name: "Sam Suspended", staff: false },
        comments: {
          articleId: "story1",
          notice: "Your account is suspended.",
          editable: [],
          votes: [],
          own: [],
        },
      }),
    );
    render(<Page />);
    expect(await screen.findByText("Your account is suspended.")).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Your comment" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Moderation" })).toBeNull();
  });

  it("offers nothing on a closed story", async () => {
    answer(signedIn({ user: { id: "user3", name: "Cy Closed", staff: false }, comments: null }));
    render(<Page story={{ ...article, commentsClosed: true }} />);
    expect(await screen.findByTestId("user-name")).toHaveTextContent("Cy Closed");
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("link", { name: /comment/ })).toBeNull();
  });

  it("falls back to the comments page when /api/viewer fails", async () => {
    answer({ error: "Your sign-in state could not be loaded. Please reload the page." }, 503);
    render(<Page />);
    expect(await screen.findByRole("link", { name: "Write a comment" })).toHaveAttribute(
      "href",
      "/articles/kelp-farmers/comments#comment-form",
    );
    expect(within(screen.getByRole("banner")).getByRole("link", { name: "Sign in" })).toBeInTheDocument();
  });

  it("asks again when a write lands, and shows the new state", async () => {
    answer({ user: null, comments: null });
    render(<Page />);
    await screen.findByRole("link", { name: "Sign in to comment" });
    answer(signedIn({ user: { id: "user4", name: "Di Later", staff: false } }));
    await act(async () => refreshViewer());
    expect(await screen.findByTestId("user-name")).toHaveTextContent("Di Later");
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
  });
});
