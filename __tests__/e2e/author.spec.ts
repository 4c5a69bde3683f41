import { expect, test } from "@playwright/test";
import { axePage } from "./support/axe";
import { DEMO_STORY } from "./support/stories";

test("a byline leads to the author's page, which lists the story", async ({ page }) => {
  await page.goto(`/articles/${DEMO_STORY.slug}`);
  await page.getByRole("article").getByRole("link", { name: DEMO_STORY.author }).first().click();
  await expect(page).toHaveURL(new RegExp(`/authors/${DEMO_STORY.authorSlug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_STORY.author);
  const portrait = page.getByRole("img", { name: `Portrait of ${DEMO_STORY.author}` });
  await expect
    .poll(() => portrait.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);
  await expect(page.getByRole("link", { name: DEMO_STORY.headline })).toBeVisible();
});

test("an unknown author answers 404", async ({ page }) => {
  expect((await page.goto("/authors/no-such-person"))?.status()).toBe(404);
});

axePage("author page", (page) => page.goto(`/authors/${DEMO_STORY.authorSlug}`));
