import { expect, test, type Page } from "@playwright/test";
import { pageBackgroundLuminance } from "./support/colour";

declare global {
  interface Window {
    __themeAtFirstFrame?: boolean;
    __themeAtDomReady?: boolean;
  }
}

/** Records whether <html> is dark at the first animation frame (before first paint) and at DOMContentLoaded. */
async function watchFirstPaint(page: Page) {
  await page.addInitScript(() => {
    const dark = () => document.documentElement.classList.contains("dark");
    requestAnimationFrame(() => (window.__themeAtFirstFrame ??= dark()));
    document.addEventListener("DOMContentLoaded", () => (window.__themeAtDomReady = dark()));
  });
}

const themeGroup = (page: Page) => page.getByRole("group", { name: "Colour theme" });

test("a reader who prefers dark gets a dark page", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  expect(await pageBackgroundLuminance(page)).toBeLessThan(0.05);
});

test("a reader who prefers light gets a light page", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  expect(await pageBackgroundLuminance(page)).toBeGreaterThan(0.8);
});

test("choosing Dark sticks across a reload without a flash of light", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await watchFirstPaint(page);
  await page.goto("/");
  await themeGroup(page).getByRole("button", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect.poll(() => pageBackgroundLuminance(page)).toBeLessThan(0.05);

  await page.reload();
  expect(await page.evaluate(() => window.__themeAtDomReady)).toBe(true);
  expect(await page.evaluate(() => window.__themeAtFirstFrame)).toBe(true);
  await expect(themeGroup(page).getByRole("button", { name: "Dark" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  expect(await pageBackgroundLuminance(page)).toBeLessThan(0.05);
});

test("choosing Light overrides a dark system preference, and System follows it again", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await watchFirstPaint(page);
  await page.goto("/");
  await themeGroup(page).getByRole("button", { name: "Light" }).click();
  await page.reload();
  expect(await page.evaluate(() => window.__themeAtFirstFrame)).toBe(false);
  expect(await pageBackgroundLuminance(page)).toBeGreaterThan(0.8);

  await themeGroup(page).getByRole("button", { name: "System" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
});
