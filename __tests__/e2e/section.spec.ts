import { expect, test } from "@playwright/test";
import { axePage } from "./support/axe";
import { DEMO_STORY } from "./support/stories";

test("an article's section label leads to the section page, which lists it", async ({ page }) => {
  await page.goto(`/articles/${DEMO_STORY.slug}`);
  await page
    .getByRole("article")
    .getByRole("link", { name: DEMO_STORY.section, exact: true })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/sections/${DEMO_STORY.sectionSlug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_STORY.section);
  await expect(page.getByRole("link", { name: DEMO_STORY.headline })).toBeVisible();
});

test("the header navigation lists every section", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Sections", exact: true });
  for (const name of ["City", "Climate", "Science", "Culture"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await nav.getByRole("link", { name: "Science", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Science");
});

test("an unknown section answers 404", async ({ page }) => {
  expect((await page.goto("/sections/no-such-section"))?.status()).toBe(404);
});

axePage("section page", (page) => page.goto(`/sections/${DEMO_STORY.sectionSlug}`));
