// A new comment costs its writer one small answer: the action answers with the comment's id and the
// writer's thread shows it from that, instead of the whole story page re-rendered into the answer.
// Everyone else gets it from the cached page, expired just after the answer (batched per story).
import { expect, test, type Page } from "@playwright/test";
import { signInAs, unique } from "./support/comment-session";

// A story no other spec writes on.
const STORY = "/articles/heat-map-shows-five-degree-gap";

const commentWith = (page: Page, text: string) =>
  page.locator('[id^="comment-"]').filter({ has: page.getByText(text, { exact: true }) });

test("the writer sees the comment and can answer it at once; the answer carries no re-rendered page", async ({
  browser,
  baseURL,
}) => {
  const writer = await browser.newContext();
  await signInAs(writer, baseURL!, "Pia Quickpost");
  const page = await writer.newPage();
  await page.goto(STORY);
  const headline = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const heading = page.getByRole("region", { name: /^\d+ Comments?$/ }).getByRole("heading", { level: 2 });
  const before = Number((await heading.textContent())!.split(" ")[0]);

  const text = unique("Posted without waiting for the page to render again.");
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(STORY));
  await page.getByRole("textbox", { name: "Your comment" }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  const body = await (await answer).text();
  expect(body).toContain('"ok":true');
  // The story's own text is not in the answer: the page was not rendered into it.
  expect(body).not.toContain(headline);

  const mine = commentWith(page, text);
  await expect(mine).toBeVisible();
  await expect(heading).toHaveText(`${before + 1} Comments`);

  // A reply to it lands under it, in the thread's reply list.
  const reply = unique("And a reply straight after.");
  await mine.getByRole("link", { name: /^Reply/ }).click();
  await page.getByRole("textbox", { name: /^Your reply to Pia Quickpost/ }).fill(reply);
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByRole("list", { name: "Replies to Pia Quickpost" })).toContainText(reply);
  await expect(heading).toHaveText(`${before + 2} Comments`);

  // Another reader gets both from the page itself within the batch window (polled, not timed).
  const reader = await browser.newContext();
  const other = await reader.newPage();
  await expect(async () => {
    await other.goto(STORY);
    await expect(commentWith(other, reply)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(commentWith(other, text)).toBeVisible();

  // Once the page carries them, the writer's page shows each once.
  await page.reload();
  await expect(commentWith(page, text)).toHaveCount(1);
  await expect(commentWith(page, reply)).toHaveCount(1);
  await Promise.all([writer.close(), reader.close()]);
});
