// /account for a signed-in reader: rename, download the data, sign out everywhere, delete the account.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInByMail, uniqueEmail } from "./support/mail";

test("renaming shows the new name on the page and in the header", async ({ page }) => {
  await signInByMail(page, uniqueEmail("rename"), "/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");

  const name = page.getByRole("textbox", { name: "Display name" });
  await name.fill("x");
  await page.getByRole("button", { name: "Save name" }).click();
  // The browser's own minlength check or ours: either way nothing is saved.
  await name.fill("  Marta   Ink ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Saved. Your comments now show “Marta Ink”.")).toBeVisible();
  await expect(page.getByRole("banner").getByTestId("user-name")).toHaveText("Marta Ink");
  await page.reload();
  await expect(name).toHaveValue("Marta Ink");
});

test("download my data gives a JSON file with the profile and no tokens", async ({ page }) => {
  const email = uniqueEmail("export");
  await signInByMail(page, email, "/account");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile((await file.path())!, "utf8");
  const data = JSON.parse(text) as { profile: { email: string }; comments: unknown[]; votes: unknown[] };
  expect(data.profile.email).toBe(email);
  expect(data.comments).toEqual([]);
  expect(data.votes).toEqual([]);
  expect(text).not.toMatch(/token/i);
});

test("sign out everywhere ends the sessions of every browser", async ({ page, browser }) => {
  const email = uniqueEmail("everywhere");
  await signInByMail(page, email, "/account");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInByMail(otherPage, email, "/account");
  await expect(otherPage.getByText("You are signed in on 2 devices.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByText("You are signed out on every device.")).toBeVisible();
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  await other.close();
});

test("deleting the account needs the confirmation word, then signs the reader out for good", async ({
  page,
}) => {
  const email = uniqueEmail("delete");
  await signInByMail(page, email, "/account");
  await page.getByRole("link", { name: "Delete my account…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete your account");

  const confirm = page.getByRole("textbox", { name: "Type “delete” to confirm" });
  await confirm.fill("yes");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type “delete” to confirm.")).toBeVisible();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");

  await confirm.fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL("/account/deleted");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`account pages have no axe violations (${colorScheme})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme });
    await signInByMail(page, uniqueEmail(`axe-${colorScheme}`), "/account");
    await expectNoAxeViolations(page);
    await page.goto("/account/delete");
    await expectNoAxeViolations(page);
  });
}
