// Signing in for real: the magic link travels through a loopback SMTP server, and the OIDC sign-in
// goes through oidc-provider's own login and consent pages (scripts/e2e-auth-servers.ts).
import { expect, test } from "@playwright/test";
import { axePage } from "./support/axe";
import { E2E_AUTH } from "./support/auth-config";
import { magicLink, signInByMail, uniqueEmail } from "./support/mail";
import { DEMO_STORY } from "./support/stories";

const article = `/articles/${DEMO_STORY.slug}`;

test("a magic link signs the reader in and brings them back to the article", async ({ page, baseURL }) => {
  const email = uniqueEmail("magic");
  await page.goto(article);
  const banner = page.getByRole("banner");
  await banner.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(article)}`);

  await page.getByRole("textbox", { name: "E-mail address" }).fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");

  const link = await magicLink(email);
  // Built from SITE_URL, never from the request's Host header.
  expect(new URL(link).origin).toBe(baseURL);
  await page.goto(link);
  await expect(page).toHaveURL(article);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_STORY.headline);
  await expect(banner.getByTestId("user-name")).toHaveText(/^Reader \w{5}$/);
  await expect(banner.getByRole("link", { name: "Account" })).toBeVisible();

  // A used link does not work twice.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page).toHaveURL(/\/signin\/error\?error=Verification/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("That sign-in link no longer works");

  await page.goto(link.replace(/token=[^&]+/, "token=forged"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("That sign-in link no longer works");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the e-mail form works and returns to the comments of the article", async ({ page }) => {
    const email = uniqueEmail("nojs");
    // What the comment section links to: the fragment travels encoded inside callbackUrl.
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(`${article}#comments`)}`);
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    // The browser's own check stops an empty form; fill it and post for real.
    await page.getByRole("textbox", { name: "E-mail address" }).fill(email);
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
    await page.goto(await magicLink(email));
    await expect(page).toHaveURL(`${article}#comments`);

    // The header's per-reader hole streams in with a script; without one, /signin says who is signed in.
    await page.goto("/signin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are signed in");
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/");
    await page.goto("/signin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  });

  test("a signed-out visit to /account is redirected to sign-in", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent("/account")}`);
  });
});

test("an OIDC sign-in goes through the provider's login and consent pages", async ({ page }) => {
  const login = `oidc-${Date.now().toString(36)}`;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/about")}`);
  await page.getByRole("button", { name: `Continue with ${E2E_AUTH.oidcName}` }).click();

  await expect(page).toHaveURL(new RegExp(`^${E2E_AUTH.oidcIssuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL("/about");
  await expect(page.getByRole("banner").getByTestId("user-name")).toHaveText(`OIDC ${login}`);
  await page.goto("/account");
  await expect(page.getByText(`${login}@oidc.example`)).toBeVisible();
  await expect(page.getByText("E-mail link, Single sign-on")).toBeVisible();
});

test.describe("a callback URL on another origin ends on our home page", () => {
  for (const target of ["https://evil.example/phish", "//evil.example/phish", "/\\evil.example"]) {
    test(`from the sign-in page: ${target}`, async ({ page, baseURL }) => {
      const email = uniqueEmail("redirect");
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
      await expect(page.locator('input[name="callbackUrl"]').first()).toHaveValue("/");
      await page.getByRole("textbox", { name: "E-mail address" }).fill(email);
      await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
      await page.goto(await magicLink(email));
      await expect(page).toHaveURL(`${baseURL}/`);
    });
  }

  test("posted straight to Auth.js, past our form", async ({ page, baseURL }) => {
    const email = uniqueEmail("direct");
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await page.request.post("/api/auth/signin/nodemailer", {
      form: { email, csrfToken, callbackUrl: "https://evil.example/phish" },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(302);
    await page.goto(await magicLink(email));
    await expect(page).toHaveURL(`${baseURL}/`);
  });
});

test("signing out from the header returns to the front page signed out", async ({ page }) => {
  await signInByMail(page, uniqueEmail("signout"), "/about");
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

axePage("sign-in page", (page) => page.goto("/signin"));
axePage("sign-in page with an error", (page) => page.goto("/signin?error=OAuthAccountNotLinked"));
axePage("check-your-e-mail page", (page) => page.goto("/signin/check-email"));
axePage("sign-in error page", (page) => page.goto("/signin/error?error=Verification"));
