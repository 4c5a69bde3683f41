// The comment section: writing, replying, editing, voting and deleting with JavaScript, posting and
// voting without it (the comments page's plain forms), what a second reader sees, closed stories, and
// axe on the section.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_REVALIDATE_SECRET } from "./support/stories";
import { expectNoAxeViolations } from "./support/axe";
import { e2eDb, signInAs, unique } from "./support/comment-session";

// Stories no other spec asserts on (demo comments sit on kelp, lantern and seawall).
const STORY = "/articles/harbour-seals-tracked-by-university-team";
const NO_JS_STORY = "/articles/cold-hill-observatory-spots-supernova";
const CLOSED_SLUG = "tide-bookshop-on-gull-island";
const DEMO_THREADS = "/articles/kelp-farmers-bet-on-the-bay";

const section = (page: Page) => page.getByRole("region", { name: /^\d+ Comments?$/ });
const commentWith = (page: Page, text: string) =>
  page.locator('[id^="comment-"]').filter({ has: page.getByText(text, { exact: true }) });
const count = async (page: Page) =>
  Number((await section(page).getByRole("heading", { level: 2 }).textContent())?.split(" ")[0]);

/** Another reader's write reaches this page within seconds: reload (at most every second) until it does. */
async function reloadUntilVisible(page: Page, locator: Locator) {
  await expect(async () => {
    await page.reload();
    await expect(locator).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Writes `text` in the story's compose box and posts it. */
async function post(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Your comment" }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
}

const heading = (n: number) => `${n} ${n === 1 ? "Comment" : "Comments"}`;

test("comment, reply, edit, vote and delete with JavaScript; a second reader sees it", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const ada = await browser.newContext();
  const bo = await browser.newContext();
  const guest = await browser.newContext();
  await signInAs(ada, baseURL!, "Ada Lindgren");
  await signInAs(bo, baseURL!, "Bo Kestrel");
  const page = await ada.newPage();
  const other = await guest.newPage();
  await other.goto(STORY);
  await page.goto(STORY);
  const before = await count(page);

  const text = unique("Tagging seals from a kayak sounds like the best job in the city.");
  await post(page, text);
  await expect(page.getByRole("status").filter({ hasText: "Your comment is posted." })).toBeVisible();
  const mine = commentWith(page, text);
  await expect(mine).toBeVisible();
  await expect(section(page).getByRole("heading", { level: 2 })).toHaveText(heading(before + 1));
  await expect(page.getByRole("textbox", { name: "Your comment" })).toHaveValue("");

  // The other reader's copy of the page was cached before the comment. Next may answer the first
  // request after the write from the stale copy while it renders the new one, so reload until it shows.
  await reloadUntilVisible(other, commentWith(other, text));
  await expect(commentWith(other, text).getByRole("link", { name: /^Reply/ })).toBeHidden();

  const reply = unique("Replying to myself: they also wear little GPS hats.");
  await mine.getByRole("link", { name: /^Reply/ }).click();
  await page.getByRole("textbox", { name: /^Your reply to Ada Lindgren/ }).fill(reply);
  await page.getByRole("button", { name: "Post reply" }).click();
  const replyItem = commentWith(page, reply);
  await expect(replyItem).toBeVisible();
  await expect(page.getByRole("list", { name: "Replies to Ada Lindgren" })).toContainText(reply);

  const edited = `${text} (Edited: kayak, not canoe.)`;
  await page.reload();
  await commentWith(page, text).getByRole("link", { name: /^Edit/ }).click();
  const editBox = page.getByRole("textbox", { name: "Edit your comment" });
  await expect(editBox).toHaveValue(text);
  await editBox.fill(edited);
  await page.getByRole("button", { name: "Save changes" }).click();
  const editedItem = commentWith(page, edited);
  await expect(editedItem).toBeVisible();
  await expect(editedItem).toContainText("(edited");

  // Bo answers, Ada upvotes Bo's comment (nobody may vote on their own).
  const boPage = await bo.newPage();
  await boPage.goto(STORY);
  const boText = unique("Seals in the harbour mouth every morning this week.");
  await post(boPage, boText);
  await expect(commentWith(boPage, boText)).toBeVisible();
  await expect(commentWith(boPage, boText).getByRole("button", { name: /^Upvote/ })).toBeHidden();
  const boItem = commentWith(page, boText);
  await reloadUntilVisible(page, boItem);
  await boItem.getByRole("button", { name: /^Upvote/ }).click();
  await expect(boItem).toContainText("1 point");
  await page.reload();
  await expect(commentWith(page, boText).getByRole("button", { name: /^Remove vote/ })).toBeVisible();

  // Deleting a comment with a reply leaves "[deleted]" holding the thread.
  page.once("dialog", (dialog) => dialog.accept());
  await commentWith(page, edited)
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expect(page.getByText(edited, { exact: true })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Replies to a deleted comment" })).toContainText(reply);
  await expect(page.getByText("[deleted]", { exact: true }).first()).toBeVisible();

  await Promise.all([ada.close(), bo.close(), guest.close()]);
});

test("posting without JavaScript ends on the new comment", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(context, baseURL!, "Cai Noscript");
  const page = await context.newPage();
  await page.goto(NO_JS_STORY);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Write a comment" }).click();
  const text = unique("Posted from a browser with scripts turned off.");
  await post(page, text);
  await expect(page).toHaveURL(new RegExp(`${NO_JS_STORY}#comment-[A-Za-z0-9_-]+$`));
  const id = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${id}"]`)).toContainText(text);
  await context.close();
});

test("without JavaScript, the comments page gives a reader their own controls as plain forms", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(120_000);
  const db = e2eDb();
  const slug = NO_JS_STORY.split("/").pop()!;
  const { id: articleId } = await db.article.findUniqueOrThrow({ where: { slug } });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const reader = await signInAs(context, baseURL!, "Hal Noscript");
  const writer = await db.user.create({ data: { name: "Ivo Writer" } });
  const theirs = await db.comment.create({
    data: { articleId, authorId: writer.id, body: unique("Vote on this with scripts off.") },
  });
  const mine = await db.comment.create({
    data: { articleId, authorId: reader.id, body: unique("Mine, still editable with scripts off.") },
  });
  const revalidated = await request.post("/api/revalidate", {
    headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` },
    data: { tags: [`comments:${articleId}`] },
  });
  expect(revalidated.ok()).toBe(true);
  const page = await context.newPage();
  const comments = `${NO_JS_STORY}/comments`;
  const item = page.locator(`[id="comment-${theirs.id}"]`);
  await expect(async () => {
    await page.goto(comments);
    await expect(item).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  const own = page.locator(`[id="comment-${mine.id}"]`);
  await expect(own.getByRole("link", { name: "Edit your comment" })).toHaveAttribute(
    "href",
    `${NO_JS_STORY}/comments/${mine.id}/edit`,
  );
  await expect(own.getByRole("button", { name: "Delete your comment" })).toBeVisible();
  await expect(own.getByRole("button", { name: /^Upvote/ })).toHaveCount(0);
  await expect(own.getByRole("link", { name: /^Report/ })).toHaveCount(0);
  await expect(item.getByRole("link", { name: /^Report/ })).toHaveAttribute(
    "href",
    `${NO_JS_STORY}/comments/${theirs.id}/report`,
  );

  await item.getByRole("button", { name: /^Upvote/ }).click();
  await expect(
    page.locator(`[id="comment-${theirs.id}"]`).getByRole("button", { name: /^Remove vote/ }),
  ).toBeVisible();
  await expect(
    page.locator(`[id="comment-${theirs.id}"]`).getByRole("button", { name: /^Upvote/ }),
  ).toHaveCount(0);
  expect(await db.commentVote.count({ where: { commentId: theirs.id, userId: reader.id, value: 1 } })).toBe(
    1,
  );
  await context.close();
});

test("the comments page with a reader's controls has no axe violations", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await signInAs(context, baseURL!, "Jan Axe");
  const page = await context.newPage();
  await page.goto(`${DEMO_THREADS}/comments`);
  await expect(page.locator("#comment-demo-kelp-6").getByRole("button", { name: /^Upvote/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test("a comment's permalink finds its page", async ({ page }) => {
  await page.goto(`${DEMO_THREADS}/comments/demo-kelp-5`);
  await expect(page).toHaveURL(new RegExp(`${DEMO_THREADS}#comment-demo-kelp-5$`));
  await expect(page.locator("#comment-demo-kelp-5")).toContainText("in reply to Ines Okafor");
  expect((await page.goto(`${DEMO_THREADS}/comments/no-such-comment`))?.status()).toBe(404);
});

test("a closed story says so and offers no form", async ({ browser, baseURL, request }) => {
  await e2eDb().article.update({ where: { slug: CLOSED_SLUG }, data: { commentsClosed: true } });
  const revalidated = await request.post("/api/revalidate", {
    headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` },
    data: { tags: [`article:${CLOSED_SLUG}`] },
  });
  expect(revalidated.ok()).toBe(true);
  const context = await browser.newContext();
  await signInAs(context, baseURL!, "Dee Closed");
  const page = await context.newPage();
  await page.goto(`/articles/${CLOSED_SLUG}`);
  await expect(section(page)).toContainText("Comments are closed");
  await expect(page.getByRole("textbox", { name: "Your comment" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to comment" })).toHaveCount(0);
  await context.close();
});

test("a signed-out reader sees the threads and a sign-in link back to them", async ({ page }) => {
  await page.goto(DEMO_THREADS);
  const link = section(page).getByRole("link", { name: "Sign in to comment" });
  await expect(link).toHaveAttribute(
    "href",
    `/signin?callbackUrl=${encodeURIComponent(`${DEMO_THREADS}#comments`)}`,
  );
  await expect(page.locator("#comment-demo-kelp-6")).toContainText("Staff");
  await expect(page.getByRole("button", { name: /^Upvote/ })).toHaveCount(0);
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const who of ["signed out", "signed in"] as const) {
    test(`the comment section has no axe violations (${who}, ${colorScheme})`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      const context = await browser.newContext({ colorScheme });
      if (who === "signed in") await signInAs(context, baseURL!, "Eve Axe");
      const page = await context.newPage();
      await page.goto(DEMO_THREADS);
      if (who === "signed in")
        await expect(page.getByRole("textbox", { name: "Your comment" })).toBeVisible();
      const { violations } = await new AxeBuilder({ page })
        .include("#comments")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
        [],
      );
      await context.close();
    });
  }
}

test("a reader who follows a link into a story just commented on gets the story, not an error", async ({
  browser,
  baseURL,
  page,
}) => {
  const slug = STORY.split("/").pop()!;
  const story = await e2eDb().article.findUniqueOrThrow({
    where: { slug },
    select: { headline: true, section: { select: { slug: true } } },
  });
  // The reader has the section page open (its link to the story prefetched) before the comment.
  await page.goto(`/sections/${story.section.slug}`);
  const link = page.getByRole("link", { name: story.headline }).first();
  await expect(link).toBeVisible();

  const writer = await browser.newContext();
  await signInAs(writer, baseURL!, "Nav Writer");
  const wp = await writer.newPage();
  await wp.goto(STORY);
  const text = unique("Posted while someone was on the section page.");
  await post(wp, text);
  await expect(commentWith(wp, text)).toBeVisible();

  // A client-side navigation into the page whose comments just expired.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${STORY}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(story.headline);
  await expect(section(page)).toBeVisible();
  await writer.close();
});
