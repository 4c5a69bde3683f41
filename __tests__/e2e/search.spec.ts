import { expect, test } from "@playwright/test";
import { axePage } from "./support/axe";
import { DEMO_STORY, IMPORTED_STORY } from "./support/stories";

test("the header search finds a story and leads to it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("banner").getByRole("searchbox", { name: "Search" }).fill("ferry fares");
  await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=ferry\+fares$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  await expect(page.getByText(/\d+ results? for “ferry fares”/)).toBeVisible();
  await page.getByRole("heading", { name: DEMO_STORY.headline }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_STORY.headline);
});

test("search finds the imported story by a word in its body", async ({ page }) => {
  await page.goto("/search?q=Radakin");
  await expect(page.getByRole("heading", { name: IMPORTED_STORY.headline })).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText(/Radakin/i);
});

test("search explains an empty query and a query with no results", async ({ page }) => {
  await page.goto("/search");
  await expect(page.getByText("Type a word to search.")).toBeVisible();
  await page.goto("/search?q=zyxwvutsrq");
  await expect(page.getByText("No results for “zyxwvutsrq”")).toBeVisible();
});

test("search survives query syntax and odd input", async ({ page }) => {
  for (const q of [
    '"unclosed',
    "NEAR(ferry",
    "*",
    "ferry AND OR NOT",
    "%",
    "😀".repeat(50),
    "x".repeat(500),
  ]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  }
});

axePage("search results page", (page) => page.goto("/search?q=harbour"));
