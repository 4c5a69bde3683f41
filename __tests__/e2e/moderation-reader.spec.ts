// Moderation as readers meet it: a held comment shows to its author only ("Awaiting moderation" in
// their own box, with and without JavaScript), the Report link and page, the "Featured comments"
// strip, and axe on the report page.
//
// The author is held by the per-reader "always pre-moderate" flag rather than the site-wide ALL mode:
// the suite runs files in parallel, and a site-wide switch would hold comments comments.spec.ts posts.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { e2eDb, signInAs, unique } from "./support/comment-session";
import { E2E_REVALIDATE_SECRET } from "./support/stories";

// A story no other spec asserts on.
const SLUG = "symphony-commissions-foghorn-piece";
const STORY = `/articles/${SLUG}`;
const HELD_MESSAGE = /will appear once a moderator has read it/;

const yourComments = (page: Page) => page.locator("#your-comments");

async function storyId(): Promise<string> {
  return (await e2eDb().article.findUniqueOrThrow({ where: { slug: SLUG } })).id;
}

test("a held comment shows to its author as awaiting moderation, and to nobody else", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const ada = await browser.newContext();
  const bo = await browser.newContext();
  const author = await signInAs(ada, baseURL!, "Ada Held");
  await signInAs(bo, baseURL!, "Bo Bystander");
  await e2eDb().user.update({ where: { id: author.id }, data: { premoderate: true } });

  const page = await ada.newPage();
  await page.goto(STORY);
  const text = unique("A thought for the moderators to read first.");
  await page.getByRole("textbox", { name: "Your comment" }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: HELD_MESSAGE })).toBeVisible();
  await expect(yourComments(page)).toContainText("Awaiting moderation");
  await expect(yourComments(page)).toContainText(text);
  // Not in the public thread, even for the author.
  await expect(page.locator('[id^="comment-"]').filter({ hasText: text })).toHaveCount(0);

  const other = await bo.newPage();
  await other.goto(STORY);
  await expect(other.getByRole("textbox", { name: "Your comment" })).toBeVisible();
  await expect(other.getByText(text)).toHaveCount(0);
  await expect(yourComments(other)).toHaveCount(0);
  await other.goto(`${STORY}/comments`);
  await expect(other.getByText(text)).toHaveCount(0);

  await Promise.all([ada.close(), bo.close()]);
});

test("without JavaScript a held comment lands on the author's box on the comments page", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const author = await signInAs(context, baseURL!, "Cai Held Noscript");
  await e2eDb().user.update({ where: { id: author.id }, data: { premoderate: true } });
  const page = await context.newPage();
  await page.goto(`${STORY}/comments`);
  const text = unique("Held, and posted with scripts turned off.");
  await page.getByRole("textbox", { name: "Your comment" }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  // The story page is static and shared; the box is rendered per reader on the comments page.
  await expect(page).toHaveURL(new RegExp(`${STORY}/comments#your-comments$`));
  await expect(yourComments(page)).toContainText("Awaiting moderation");
  await expect(yourComments(page)).toContainText(text);
  await context.close();
});

test("a reader reports someone else's comment; a featured comment shows in the strip", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(240_000);
  const db = e2eDb();
  const articleId = await storyId();
  const writer = await db.user.create({ data: { name: "Fen Writer" } });
  const reported = unique("A comment someone will report.");
  const featured = unique("A comment the desk featured.");
  const target = await db.comment.create({ data: { articleId, authorId: writer.id, body: reported } });
  await db.comment.create({ data: { articleId, authorId: writer.id, body: featured, featured: true } });
  const revalidated = await request.post("/api/revalidate", {
    headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` },
    data: { tags: [`comments:${articleId}`] },
  });
  expect(revalidated.ok()).toBe(true);

  const context = await browser.newContext();
  const reader = await signInAs(context, baseURL!, "Gus Reporter");
  const page = await context.newPage();
  // Normally the next visit shows both. A render of the story that read the comments just before the
  // writes and stored its result just after the revalidation is served until the comment cache's
  // one-minute lifetime runs out (app/(site)/_lib/cached-comments.ts), so allow for that bound.
  const item = page.locator(`#comment-${target.id}`);
  await expect(async () => {
    await page.goto(STORY);
    await expect(page.getByRole("region", { name: "Featured comments" })).toContainText(featured, {
      timeout: 2_000,
    });
    await expect(item).toContainText(reported, { timeout: 2_000 });
  }).toPass({ timeout: 150_000 });
  await item.getByRole("link", { name: /^Report/ }).click();
  await expect(page).toHaveURL(new RegExp(`${STORY}/comments/${target.id}/report$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report a comment by Fen Writer");
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: "Spam or advertising" }).check();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Thank you. A moderator will look at this comment.")).toBeVisible();
  expect(await db.commentReport.count({ where: { commentId: target.id, reporterId: reader.id } })).toBe(1);
  await context.close();
});

test("signed out, the report page asks for a sign-in that comes back", async ({ page }) => {
  const articleId = await storyId();
  const db = e2eDb();
  const writer = await db.user.create({ data: { name: "Hal Writer" } });
  const c = await db.comment.create({
    data: { articleId, authorId: writer.id, body: unique("Reportable.") },
  });
  await page.goto(`${STORY}/comments/${c.id}/report`);
  await expect(page.getByRole("link", { name: "Sign in to report this comment" })).toHaveAttribute(
    "href",
    `/signin?callbackUrl=${encodeURIComponent(`${STORY}/comments/${c.id}/report`)}`,
  );
  await expect(page.getByRole("button", { name: "Send report" })).toHaveCount(0);
});

test("staff see a Moderation link in the header; readers do not", async ({ browser, baseURL }) => {
  const staff = await browser.newContext();
  const reader = await browser.newContext();
  const mod = await signInAs(staff, baseURL!, "Ida Desk");
  await e2eDb().user.update({ where: { id: mod.id }, data: { role: "MODERATOR" } });
  await signInAs(reader, baseURL!, "Jo Reader");
  const [staffPage, readerPage] = await Promise.all([staff.newPage(), reader.newPage()]);
  await staffPage.goto(STORY);
  await readerPage.goto(STORY);
  await expect(staffPage.getByRole("banner").getByRole("link", { name: "Moderation" })).toHaveAttribute(
    "href",
    "/moderation",
  );
  await expect(readerPage.getByTestId("user-name")).toHaveText("Jo Reader");
  await expect(readerPage.getByRole("banner").getByRole("link", { name: "Moderation" })).toHaveCount(0);
  await Promise.all([staff.close(), reader.close()]);
});
