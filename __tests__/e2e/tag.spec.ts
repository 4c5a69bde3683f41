import { expect, test } from "@playwright/test";
import { axePage } from "./support/axe";
import { DEMO_STORY } from "./support/stories";

test("an article's tag leads to the tag page, which lists it", async ({ page }) => {
  await page.goto(`/articles/${DEMO_STORY.slug}`);
  await page.getByRole("link", { name: DEMO_STORY.tag, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/${DEMO_STORY.tagSlug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_STORY.tag);
  await expect(page.getByRole("link", { name: DEMO_STORY.headline })).toBeVisible();
});

test("an unknown tag answers 404", async ({ page }) => {
  expect((await page.goto("/tags/no-such-tag"))?.status()).toBe(404);
});

axePage("tag page", (page) => page.goto(`/tags/${DEMO_STORY.tagSlug}`));
