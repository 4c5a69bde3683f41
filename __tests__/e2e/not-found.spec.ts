import { expect, test } from "@playwright/test";
import { axePage } from "./support/axe";
import { UNKNOWN_SLUG } from "./support/stories";

test("an unknown article answers 404 with a helpful page", async ({ page }) => {
  const response = await page.goto(`/articles/${UNKNOWN_SLUG}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the front page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("an unknown path answers 404", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
});

axePage("404 page", (page) => page.goto(`/articles/${UNKNOWN_SLUG}`));
