import { expect, test } from "@playwright/test";
import { axePage } from "./support/axe";
import { DEMO_STORY } from "./support/stories";

const url = `/articles/${DEMO_STORY.slug}`;

test("an article shows its hero image, caption, credit and body", async ({ page }) => {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_STORY.headline);

  const figure = page.getByRole("figure");
  const hero = figure.getByRole("img");
  await expect(hero).toBeVisible();
  // Decoded, not merely present: a broken src or a failing image optimizer leaves naturalWidth 0.
  await expect
    .poll(() => hero.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);
  await expect(figure).toContainText(DEMO_STORY.caption);
  await expect(figure).toContainText(`Credit: ${DEMO_STORY.credit}`);

  const paragraphs = page.getByRole("article").locator(".prose > p");
  expect(await paragraphs.count()).toBeGreaterThan(3);
  await expect(paragraphs.first()).toContainText("The single fare on Port Alder's harbour ferries");
});

test("an article links to related stories that open", async ({ page }) => {
  await page.goto(url);
  const related = page
    .getByRole("region", { name: "Related stories" })
    .getByRole("heading")
    .getByRole("link");
  await expect(related.first()).toBeVisible();
  const headline = (await related.first().textContent())!.trim();
  await related.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
});

test("an article links to the next story in its section", async ({ page }) => {
  await page.goto(url);
  const more = page.getByRole("navigation", { name: `More in ${DEMO_STORY.section}` }).getByRole("link");
  await expect(more.first()).toBeVisible();
  const target = await more.first().getAttribute("href");
  await more.first().click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

axePage("article page", (page) => page.goto(url));
