// Moderation in the browser: a moderator (User + Session rows written straight into the suite's
// database) clears the Pending queue with the keyboard, bans a reader, and readers stop seeing that
// reader's comments. Every moderation page passes axe. Non-staff get the 404 page.
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type BrowserContext } from "@playwright/test";
import { createPrismaClient } from "../../lib/prisma";
import { expectNoAxeViolations } from "./support/axe";
import { DEMO_STORY } from "./support/stories";

const DB_FILE = path.resolve(__dirname, "../../.tmp", process.env.E2E_DB_DIR || "e2e", "e2e.db");
const port = Number(process.env.E2E_PORT || 3204);
// One worker for the whole file: beforeAll seeds held comments on a shared story, and a second worker
// running it again meanwhile would put its copies in the queue this file clears.
test.describe.configure({ mode: "serial" });

// Set in beforeAll: Playwright may run it again in the same worker for the next group of tests.
let run = "";

let db: ReturnType<typeof createPrismaClient>;
let storyId = "";
let trollId = "";
let modToken = "";
let VISIBLE = "";

test.beforeAll(async () => {
  run = randomBytes(4).toString("hex");
  VISIBLE = `Visible until the ban ${run}`;
  db = createPrismaClient(`file:${DB_FILE}`);
  storyId = (await db.article.findUniqueOrThrow({ where: { slug: DEMO_STORY.slug } })).id;
  const mod = await db.user.create({
    data: { name: `Desk Moderator ${run}`, email: `mod-${run}@example.test`, role: "MODERATOR" },
  });
  modToken = `e2e-mod-${run}-${randomBytes(16).toString("hex")}`;
  await db.session.create({
    data: { sessionToken: modToken, userId: mod.id, expires: new Date(Date.now() + 86_400_000) },
  });
  trollId = (await db.user.create({ data: { name: `Troll ${run}`, email: `troll-${run}@example.test` } })).id;
  await db.comment.create({ data: { articleId: storyId, authorId: trollId, body: VISIBLE } });
  for (let i = 1; i <= 3; i++)
    await db.comment.create({
      data: {
        articleId: storyId,
        authorId: trollId,
        body: `Held comment ${i} ${run}`,
        status: "PENDING",
        moderationReason: "links:3",
      },
    });
});
test.afterAll(async () => db.$disconnect());

async function signInAsModerator(context: BrowserContext) {
  await context.addCookies([
    { name: "authjs.session-token", value: modToken, url: `http://127.0.0.1:${port}` },
  ]);
}

test("a reader gets the 404 page at /moderation, with a 404 status and no staff navigation", async ({
  page,
}) => {
  const response = await page.goto("/moderation");
  expect(response?.status()).toBe(404);
  expect((await page.request.get("/moderation/log")).status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("navigation", { name: "Moderation" })).toHaveCount(0);
});

test.describe.serial("a moderator's session", () => {
  test("clears the Pending queue with the keyboard, then bans the author; readers see the change", async ({
    page,
    context,
    browser,
  }) => {
    // Many page loads on a busy two-core machine: more than the default 30 s.
    test.setTimeout(120_000);
    await signInAsModerator(context);
    await page.goto(`/moderation?queue=pending&article=${storyId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pending");
    const items = page.locator("[data-queue-item]");
    await expect(items).toHaveCount(3);
    // The shortcut hint appears once the page's script runs (keys pressed before that do nothing).
    await expect(page.getByRole("button", { name: "? all shortcuts" })).toBeVisible();
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.keyboard.press("j");
    await expect(page.getByRole("status").filter({ hasText: "Comment 2 of 3." })).toBeAttached();
    await page.keyboard.press("k");
    for (let left = 2; left >= 0; left--) {
      await page.keyboard.press("a");
      await expect(items).toHaveCount(left);
    }
    await expect(page.getByText("Comment approved and published.")).toBeAttached();
    await expect(page.getByText("Nothing in Pending. Well done.")).toBeVisible();

    // The approvals invalidated the story's comments: a reader now sees them (the page is cached
    // between decisions, so rows written straight into the database were not shown before).
    // (A render begun before the approvals and written after them was once served as current:
    // cache-handlers/page-cache.js stamps entries with their render's start since.)
    const reader = await browser.newPage();
    await reader.goto(`/articles/${DEMO_STORY.slug}`);
    await expect(reader.getByText(`Held comment 1 ${run}`)).toBeVisible();
    await expect(reader.getByText(VISIBLE)).toBeVisible();

    await page.goto(`/moderation/users?q=${encodeURIComponent(`Troll ${run}`)}`);
    await page.getByRole("link", { name: `Troll ${run}` }).click();
    await page.getByLabel("Sanction", { exact: true }).selectOption("ban");
    await page.getByLabel("Reason (the user sees it)").fill("Flooding the thread");
    await page.getByLabel(/also reject all their published and pending comments/).check();
    await page.getByRole("button", { name: "Apply sanction" }).click();
    await expect(page.getByText("Sanction applied.")).toBeVisible();
    await expect(page.getByText(/Banned — Flooding the thread/)).toBeVisible();

    // The first request after a decision may still get the stale copy while the new one renders.
    await expect(async () => {
      await reader.reload();
      await expect(reader.getByText(VISIBLE)).toHaveCount(0, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(reader.getByText(`Held comment 1 ${run}`)).toHaveCount(0);

    await page.goto(`/moderation/log?user=${trollId}`);
    await expect(page.getByRole("cell", { name: "user.ban" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "comment.approve" })).toHaveCount(3);
  });

  for (const [name, url] of [
    ["queues", "/moderation"],
    ["reported queue", "/moderation?queue=reported"],
    ["all recent", "/moderation?queue=all"],
    ["appeals", "/moderation/appeals"],
    ["users", "/moderation/users"],
    ["audit log", "/moderation/log"],
    ["settings", "/moderation/settings"],
  ] as const) {
    test(`${name} has no axe violations`, async ({ page, context }) => {
      await signInAsModerator(context);
      await page.goto(url);
      await expect(page.getByRole("navigation", { name: "Moderation" })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("a user page and a story's settings have no axe violations", async ({ page, context }) => {
    test.setTimeout(90_000);
    await signInAsModerator(context);
    await page.goto(`/moderation/users/${trollId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Troll ${run}`);
    await expectNoAxeViolations(page);
    await page.goto(`/moderation/articles/${storyId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO_STORY.headline);
    await expectNoAxeViolations(page);
  });
});
