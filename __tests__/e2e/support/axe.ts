// Accessibility checks for every page type, in light and in dark: WCAG 2.0–2.2 A and AA, no
// exceptions. A new page type adds one `axePage(...)` line to its spec.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // Listed in full so a failure says which rule broke on which element without opening a report.
  const summary = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ")}`)
        .join("\n"),
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Declares the light and dark axe tests for one page type; `open` navigates to an example. */
export function axePage(name: string, open: (page: Page) => Promise<unknown>) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${name} has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await open(page);
      await expectNoAxeViolations(page);
    });
  }
}
