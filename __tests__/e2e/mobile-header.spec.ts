// On a phone the header's search box and theme switch fold behind one "Menu" control, so the story
// starts near the top of the screen; the control is a <details>, so it opens and the search works
// without JavaScript. On wider screens both stay inline (search.spec.ts, dark-mode.spec.ts).
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { DEMO_STORY } from "./support/stories";

const PHONE = { width: 390, height: 844 };
/** Where the headline of a story starts at most on a 390 px screen (252 px with search and theme inline). */
const HEADLINE_TOP_MAX = 200;

test.describe("on a 390 px screen without JavaScript", () => {
  test.use({ viewport: PHONE, javaScriptEnabled: false });

  test("search and theme wait behind Menu, and the headline comes first", async ({ page }) => {
    await page.goto(`/articles/${DEMO_STORY.slug}`);
    const banner = page.getByRole("banner");
    await expect(banner.getByText("Menu", { exact: true })).toBeVisible();
    await expect(banner.getByRole("searchbox", { name: "Search" })).toBeHidden();
    await expect(banner.getByRole("group", { name: "Colour theme" })).toBeHidden();
    const headline = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(headline?.y).toBeLessThanOrEqual(HEADLINE_TOP_MAX);
  });

  test("the menu opens and its search goes to the search page", async ({ page }) => {
    await page.goto("/");
    const banner = page.getByRole("banner");
    await banner.getByText("Menu", { exact: true }).click();
    await expect(banner.getByRole("group", { name: "Colour theme" })).toBeVisible();
    await banner.getByRole("searchbox", { name: "Search" }).fill("ferry fares");
    await banner.getByRole("searchbox", { name: "Search" }).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=ferry\+fares$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  });
});

test.describe("on a 390 px screen with JavaScript", () => {
  test.use({ viewport: PHONE });

  test("the menu opens from the keyboard and the theme switch works in it", async ({ page }) => {
    // axe over a whole page takes a while on a busy machine.
    test.slow();
    await page.goto("/");
    const summary = page.getByRole("banner").getByText("Menu", { exact: true });
    await summary.focus();
    await page.keyboard.press("Enter");
    const theme = page.getByRole("banner").getByRole("group", { name: "Colour theme" });
    await theme.getByRole("button", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await expectNoAxeViolations(page);
  });
});

test("on a wide screen search and theme stay inline, with no Menu", async ({ page }) => {
  await page.goto("/");
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("searchbox", { name: "Search" })).toBeVisible();
  await expect(banner.getByRole("group", { name: "Colour theme" })).toBeVisible();
  await expect(banner.getByText("Menu", { exact: true })).toBeHidden();
});
