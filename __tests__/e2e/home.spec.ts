import { expect, test } from "@playwright/test";
import { axePage } from "./support/axe";

test("the home page opens and shows a lead story", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Latest news" })).toBeAttached();
  const lead = page.getByRole("main").getByRole("article").first();
  await expect(lead.getByRole("heading", { level: 2 }).getByRole("link")).toBeVisible();
  await expect(page.getByRole("region", { name: "Latest" }).getByRole("article")).not.toHaveCount(0);
});

test("a story on the home page leads to its article", async ({ page }) => {
  await page.goto("/");
  const story = page.getByRole("region", { name: "Latest" }).getByRole("article").first();
  const link = story.getByRole("heading").getByRole("link");
  const headline = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
});

test("the page's first picture is fetched at once and the rest lazily, with or without a lead picture", async ({
  page,
}) => {
  await page.goto("/");
  const pictures = page.getByRole("main").locator("img");
  expect(await pictures.count()).toBeGreaterThan(1);
  // The largest paint on a phone is the first picture, the lead's or (without one) a latest story's.
  await expect(pictures.first()).toHaveAttribute("loading", "eager");
  await expect(pictures.first()).toHaveAttribute("fetchpriority", "high");
  await expect(page.locator('link[rel="preload"][as="image"]')).toHaveCount(1);
  for (const img of await pictures.all().then((all) => all.slice(1))) {
    await expect(img).toHaveAttribute("loading", "lazy");
    await expect(img).not.toHaveAttribute("fetchpriority");
  }
});

axePage("home page", (page) => page.goto("/"));
