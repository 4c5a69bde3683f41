import { expect, test } from "@playwright/test";
import { axePage } from "./support/axe";

test("the footer links to the about page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "About us" }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^About /);
});

axePage("about page", (page) => page.goto("/about"));
