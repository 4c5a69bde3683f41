// A new comment costs its writer one small answer: the action answers with the comment's id and the
// writer's thread shows it from that, instead of the whole story page re-rendered into the answer.
// Everyone else gets it from the cached page, expired just after the answer (batched per story).
import { expect, test, type Page } from "@playwright/test";
import { encodeReply, serverActionId } from "../../scripts/lib/bench-comments";
import { e2eDb, signInAs, unique } from "./support/comment-session";

// A story no other spec writes on.
const STORY = "/articles/heat-map-shows-five-degree-gap";

const commentWith = (page: Page, text: string) =>
  page.locator('[id^="comment-"]').filter({ has: page.getByText(text, { exact: true }) });
const heading = (n: number) => `${n} ${n === 1 ? "Comment" : "Comments"}`;

test("the action's answer to a post carries the comment's id, not a re-rendered story page", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  await signInAs(context, baseURL!, "Quinn Wire");
  const slug = STORY.split("/").pop()!;
  const story = await e2eDb().article.findUniqueOrThrow({
    where: { slug },
    select: { id: true, headline: true },
  });
  const form = new FormData();
  form.set("articleId", story.id);
  form.set("body", unique("Posted the way the comment form posts it."));
  form.set("idempotencyKey", unique("posts-spec").replace(/\W/g, "-"));
  form.set("enhanced", "1");
  // As the browser's form does with JavaScript: React's encoding of [previousState, formData].
  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token")!;
  const response = await fetch(new URL(STORY, baseURL), {
    method: "POST",
    headers: {
      "next-action": serverActionId(
        process.env.E2E_DIST_DIR || ".next-e2e",
        "lib/comments/actions.ts",
        "postComment",
      ),
      accept: "text/x-component",
      origin: new URL(baseURL!).origin,
      cookie: `${session.name}=${session.value}`,
    },
    body: await encodeReply([null, form]),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/"ok":true/);
  expect(text).toMatch(/"commentId":"[A-Za-z0-9_-]+"/);
  // Before, the whole story page was rendered into the answer (its headline among it).
  expect(text).not.toContain(story.headline);
  await context.close();
});

test("the writer sees the comment and can answer it at once; other readers get it from the page", async ({
  browser,
  baseURL,
}) => {
  const writer = await browser.newContext();
  await signInAs(writer, baseURL!, "Pia Quickpost");
  const page = await writer.newPage();
  await page.goto(STORY);
  const count = page.getByRole("region", { name: /^\d+ Comments?$/ }).getByRole("heading", { level: 2 });
  const before = Number((await count.textContent())!.split(" ")[0]);

  const text = unique("Posted without waiting for the page to render again.");
  await page.getByRole("textbox", { name: "Your comment" }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your comment is posted." })).toBeVisible();
  const mine = commentWith(page, text);
  await expect(mine).toBeVisible();
  await expect(count).toHaveText(heading(before + 1));

  // A reply to it lands under it, in the thread's reply list.
  const reply = unique("And a reply straight after.");
  await mine.getByRole("link", { name: /^Reply/ }).click();
  await page.getByRole("textbox", { name: /^Your reply to Pia Quickpost/ }).fill(reply);
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByRole("list", { name: "Replies to Pia Quickpost" })).toContainText(reply);
  await expect(count).toHaveText(heading(before + 2));

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
