import { expect, test } from "@playwright/test";
import { IMPORTED_STORY } from "./support/stories";

test("the imported plain-text story reads as it was saved, without the page chrome", async ({ page }) => {
  const response = await page.goto(`/articles/${IMPORTED_STORY.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(IMPORTED_STORY.headline);

  const figure = page.getByRole("figure");
  await expect(figure).toContainText(IMPORTED_STORY.caption);
  await expect(figure).toContainText(`Credit: ${IMPORTED_STORY.credit}`);

  const paragraphs = page.getByRole("article").locator(".prose > p");
  await expect(paragraphs).toHaveCount(IMPORTED_STORY.paragraphs);
  await expect(paragraphs.first()).toHaveText(IMPORTED_STORY.firstParagraph);
  await expect(paragraphs.last()).toHaveText(IMPORTED_STORY.lastParagraph);

  // The saved page's own chrome is gone; the site's comments area below the story is ours.
  await expect(page.getByText("Post a Comment", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("article").locator(".prose")).not.toContainText(/Post a Comment|0 Comments/);
});

test("the imported story, the newest, leads the home page and its section rail", async ({ page }) => {
  await page.goto("/");
  const lead = page.getByRole("main").getByRole("article").first();
  await expect(lead.getByRole("heading", { level: 2 })).toHaveText(IMPORTED_STORY.headline);
  const rail = page.getByRole("region", { name: IMPORTED_STORY.section, exact: true });
  await rail.getByRole("link", { name: IMPORTED_STORY.headline }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${IMPORTED_STORY.slug}$`));
});
