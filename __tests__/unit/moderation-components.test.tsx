/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { AppealsView } from "@/components/moderation-appeals";
import { AuditTable } from "@/components/moderation-audit-table";
import { ArticleControlsForm, SanctionForm, SiteSettingsForm } from "@/components/moderation-forms";
import { describeReason } from "@/components/moderation-item";
import { ModerationQueue } from "@/components/moderation-queue";
import { ReportCommentForm } from "@/components/moderation-report-form";
import type { QueueItem } from "@/lib/moderation/dal/queues";

// The forms post to server actions; rendering them needs only their references.
jest.mock("@/lib/moderation/actions/decisions", () => ({
  decideComment: jest.fn(),
  decideComments: jest.fn(),
  replyToCommentAsStaff: jest.fn(),
}));
jest.mock("@/lib/moderation/actions/admin", () => ({
  changeUserRole: jest.fn(),
  decideAppealAction: jest.fn(),
  liftUserSanction: jest.fn(),
  saveArticleControls: jest.fn(),
  saveSiteSettings: jest.fn(),
  sanctionUser: jest.fn(),
}));
jest.mock("@/lib/moderation/actions/reports", () => ({ reportCommentAction: jest.fn() }));
jest.mock("@/lib/moderation/actions/appeals", () => ({ submitAppealAction: jest.fn() }));
jest.mock("@/lib/moderation/dal/appeals", () => ({ listMyAppeals: jest.fn(), listAppealOptions: jest.fn() }));

const at = new Date("2026-03-01T10:00:00Z");
function item(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: "c1",
    body: "Buy cheap watches at a.com b.com c.com",
    status: "PENDING",
    createdAt: at,
    editedAt: null,
    previousBody: null,
    withdrawnAt: null,
    depth: 2,
    featured: false,
    pinned: false,
    moderationReason: "links:3",
    reportCount: 0,
    article: { id: "a1", slug: "ferry-fares", headline: "Ferry fares frozen" },
    author: {
      id: "u1",
      name: "Sam Spammer",
      email: "sam@example.test",
      role: "READER",
      joinedAt: at,
      comments: 4,
      published: 1,
      pending: 1,
      rejected: 2,
      spam: 0,
      reportsReceived: 5,
      sanctions: [{ kind: "premoderate", until: null, reason: null }],
    },
    inReplyTo: { id: "c0", body: "What do readers think?", authorName: "Desk", status: "PUBLISHED" },
    reports: [],
    ...overrides,
  };
}

describe("the queue", () => {
  it("shows the comment in context with its author's record and the rule that held it", async () => {
    const { container } = render(
      <ModerationQueue
        timeZone="UTC"
        queueLabel="Pending"
        items={[
          item(),
          item({
            id: "c2",
            status: "PUBLISHED",
            reportCount: 2,
            depth: 1,
            moderationReason: null,
            reports: [{ reason: "ABUSE", note: "rude", createdAt: at, reporterName: "Rita" }],
          }),
        ]}
      />,
    );
    const first = screen.getAllByRole("article")[0];
    expect(within(first).getByRole("link", { name: "Ferry fares frozen" })).toHaveAttribute(
      "href",
      "/articles/ferry-fares",
    );
    expect(first).toHaveTextContent("Held: more links than allowed (3)");
    expect(first).toHaveTextContent("In reply to Desk: What do readers think?");
    expect(first).toHaveTextContent("4 comments · 2 rejected · 0 spam · 5 reports · Pre-moderated");
    expect(within(first).getByRole("button", { name: "Approve" })).toBeInTheDocument();
    expect(within(first).queryByRole("button", { name: "Pin" })).toBeNull();
    const second = screen.getAllByRole("article")[1];
    expect(within(second).getByRole("list", { name: "Open reports" })).toHaveTextContent(
      "Abusive or harassing: “rude” — Rita",
    );
    expect(within(second).getByRole("button", { name: "Pin" })).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("moves with j/k and announces the position; ? opens the help", () => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute("open", "");
    };
    render(
      <ModerationQueue
        timeZone="UTC"
        queueLabel="Pending"
        items={[item(), item({ id: "c2" }), item({ id: "c3" })]}
      />,
    );
    fireEvent.keyDown(document.body, { key: "j" });
    expect(screen.getAllByRole("article")[1]).toHaveFocus();
    expect(screen.getByText("Comment 2 of 3.")).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: "k" });
    expect(screen.getAllByRole("article")[0]).toHaveFocus();
    fireEvent.keyDown(document.body, { key: "?" });
    expect(screen.getByRole("dialog", { hidden: true })).toHaveAttribute("open");
  });

  it("shows an edited comment's text before the edit, and a withdrawn comment as withdrawn", async () => {
    const { container } = render(
      <ModerationQueue
        timeZone="UTC"
        queueLabel="Reported"
        items={[
          item({ body: "A milder take", previousBody: "The original insult", editedAt: at }),
          item({ id: "c2", withdrawnAt: at, moderationReason: "reports:3" }),
        ]}
      />,
    );
    const [edited, withdrawn] = screen.getAllByRole("article");
    expect(edited).toHaveTextContent("A milder take");
    expect(edited).toHaveTextContent("Edited; before: The original insult");
    expect(edited).not.toHaveTextContent("Withdrawn");
    expect(withdrawn).toHaveTextContent("Withdrawn by the author on 1 Mar 2026, 10:00 UTC");
    expect(withdrawn).not.toHaveTextContent("Edited; before");
    expect(await axe(container)).toHaveNoViolations();
  });

  it("says when a queue is empty", async () => {
    const { container } = render(<ModerationQueue timeZone="UTC" queueLabel="Spam" items={[]} />);
    expect(screen.getByText("Nothing in Spam. Well done.")).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("forms", () => {
  it.each([
    ["report form", <ReportCommentForm key="r" commentId="c1" />],
    [
      "site settings",
      <SiteSettingsForm
        key="s"
        canEdit
        settings={{
          premoderation: "OFF",
          premoderateFirstN: 1,
          maxLinks: 2,
          suspectWords: "",
          bannedWords: "",
          reportThreshold: 3,
          autoCloseDays: null,
        }}
      />,
    ],
    [
      "story controls",
      <ArticleControlsForm
        key="a"
        article={{
          id: "a1",
          slug: "s",
          headline: "H",
          publishedAt: at,
          commentsClosed: false,
          autoCloseDays: null,
          slowModeSeconds: 30,
          premoderation: null,
        }}
      />,
    ],
    ["sanctions", <SanctionForm key="x" userId="u1" />],
    [
      "audit table",
      <AuditTable
        key="t"
        rows={[
          {
            id: "l1",
            actorId: "m",
            actorName: "Moe",
            action: "comment.reject",
            targetType: "comment",
            targetId: "c1",
            subjectUserId: "u1",
            articleId: "a1",
            before: "PENDING",
            after: "REJECTED",
            reason: "Off topic",
            note: null,
            createdAt: at,
          },
        ]}
      />,
    ],
    [
      "appeals on /account",
      <AppealsView
        key="v"
        appeals={[
          {
            id: "p1",
            target: "comment:c1",
            text: "It was a quote.",
            status: "DENIED",
            decisionNote: "Still abusive",
            decidedAt: at,
            createdAt: at,
            about: "Your comment on “Ferry fares frozen”",
          },
        ]}
        options={[{ target: "sanction:l1", label: "Your suspension" }]}
      />,
    ],
  ])("%s has no axe violations", async (_name, ui) => {
    const { container } = render(ui);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("the report form offers the four reasons as radios", () => {
    render(<ReportCommentForm commentId="c1" />);
    expect(screen.getAllByRole("radio").map((r) => r.getAttribute("value"))).toEqual([
      "SPAM",
      "ABUSE",
      "OFF_TOPIC",
      "OTHER",
    ]);
  });

  it("moderators see the site settings read-only", () => {
    render(
      <SiteSettingsForm
        canEdit={false}
        settings={{
          premoderation: "ALL",
          premoderateFirstN: 1,
          maxLinks: 2,
          suspectWords: "x",
          bannedWords: "",
          reportThreshold: 3,
          autoCloseDays: 7,
        }}
      />,
    );
    expect(screen.getByLabelText("Pre-moderation")).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Save settings" })).toBeNull();
  });
});

it("describes the rules in words", () => {
  expect(describeReason("suspect-word:crooked council")).toBe("Held: suspect word “crooked council”");
  expect(describeReason("reports:3")).toBe("Hidden after 3 reader reports");
  expect(describeReason("ABUSE")).toBe("Abusive, hateful or harassing");
  expect(describeReason(null)).toBeNull();
});
