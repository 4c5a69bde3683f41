// Sign-in hardening, for real against the mail catcher and the OIDC provider of
// scripts/e2e-auth-servers.ts: sign-in mail limits on both ways in, and an unverified OIDC address.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_AUTH } from "./support/auth-config";
import { caughtMail, signInByMail, uniqueClientIp, uniqueEmail } from "./support/mail";

/** Mails caught for each address, once the site has answered (it mails before it answers). */
const counts = async (addresses: string[]) =>
  Promise.all(addresses.map(async (a) => (await caughtMail(a)).length));

const tagged = (email: string, tag: string) => email.replace("@", `+${tag}@`);

test("the form mails one address three times, +tag variants included, and shows the same page a fourth time", async ({
  page,
}) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
  const email = uniqueEmail("limit-form");
  const asked = [email, tagged(email, "a"), tagged(email, "b"), email];
  for (const address of asked) {
    await page.goto("/signin");
    await page.getByRole("textbox", { name: "E-mail address" }).fill(address);
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    await expect(page).toHaveURL(/\/signin\/check-email/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
  }
  expect(await counts([email, tagged(email, "a"), tagged(email, "b")])).toEqual([1, 1, 1]);
});

async function postToAuthJs(request: APIRequestContext, email: string, clientIp: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/signin/nodemailer", {
    form: { email, csrfToken, callbackUrl: "/" },
    headers: { "x-forwarded-for": clientIp },
    maxRedirects: 0,
  });
}

test("Auth.js's own endpoint mails one address three times and answers a fourth request alike", async ({
  page,
}) => {
  const email = uniqueEmail("limit-endpoint");
  const clientIp = uniqueClientIp();
  const answers: string[] = [];
  for (const address of [email, tagged(email, "x"), email, email]) {
    const res = await postToAuthJs(page.request, address, clientIp);
    expect(res.status()).toBe(302);
    answers.push(res.headers().location!);
  }
  // Auth.js's own "check your e-mail" hop, the same whether or not the mail went out.
  expect(answers).toEqual(
    Array(4).fill(`${E2E_AUTH.siteUrl}/api/auth/verify-request?provider=nodemailer&type=email`),
  );
  expect(await counts([email, tagged(email, "x")])).toEqual([2, 1]);
});

test("one client is mailed 20 sign-in links an hour; another client still gets theirs", async ({ page }) => {
  test.slow(); // 22 sign-in requests
  const clientIp = uniqueClientIp();
  const addresses = Array.from({ length: 21 }, () => uniqueEmail("spray"));
  for (const address of addresses) await postToAuthJs(page.request, address, clientIp);
  const mailed = await counts(addresses);
  expect(mailed.slice(0, 20)).toEqual(Array(20).fill(1));
  expect(mailed[20]).toBe(0);

  await postToAuthJs(page.request, addresses[20]!, uniqueClientIp());
  expect(await counts([addresses[20]!])).toEqual([1]);
});

test("an OIDC sign-up with an unverified address gets no address, and the owner's magic link is their own account", async ({
  page,
}) => {
  const victim = uniqueEmail("victim");
  await page.goto("/signin?callbackUrl=%2Faccount");
  await page.getByRole("button", { name: `Continue with ${E2E_AUTH.oidcName}` }).click();
  await page.locator('input[name="login"]').fill(`unverified:${victim}`);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("banner").getByTestId("user-name")).toHaveText("OIDC unverified");
  const details = page.getByRole("main").locator("dl");
  await expect(details).toContainText("E-mailnone");
  await expect(details).toContainText("Sign-in methodsSingle sign-on");
  await expect(details).not.toContainText(victim);

  // The real owner of the address signs in by e-mail, in a fresh browser.
  await page.context().clearCookies();
  await signInByMail(page, victim, "/account");
  await expect(page.getByRole("banner").getByTestId("user-name")).toHaveText(/^Reader \w{5}$/);
  await expect(details).toContainText(victim);
  await expect(details).toContainText("Sign-in methodsE-mail link");
  await expect(details).not.toContainText("Single sign-on");
});
