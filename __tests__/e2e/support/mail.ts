// Reading the mail the site sent, as caught by scripts/e2e-auth-servers.ts, and signing in with it.
import { expect, type Page } from "@playwright/test";
import { E2E_AUTH } from "./auth-config";

type CaughtMail = { to: string[]; subject: string; link: string | null };

let counter = 0;
/** An address no other test (or earlier run against the same catcher) has used. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${process.pid}-${++counter}@readers.example`;
}

let clients = 0;
/**
 * A client address no other test uses (the IPv6 documentation range, with the process id so parallel
 * workers differ), to
 * send as X-Forwarded-For: the site trusts it from loopback (E2E_AUTH_SITE_ENV), so each sign-in gets
 * its own per-IP mail count instead of the whole suite sharing 127.0.0.1's 20 an hour.
 */
export function uniqueClientIp(): string {
  clients += 1;
  return `2001:db8:${(process.pid & 0xffff).toString(16)}::${clients.toString(16)}`;
}

/** Every mail caught for `email` so far. */
export async function caughtMail(email: string): Promise<CaughtMail[]> {
  const res = await fetch(`${E2E_AUTH.mailApiUrl}/messages?to=${encodeURIComponent(email)}`);
  return (await res.json()) as CaughtMail[];
}

/** The newest magic link mailed to `email`, waiting for it to arrive. */
export async function magicLink(email: string): Promise<string> {
  let link: string | null = null;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${E2E_AUTH.mailApiUrl}/messages?to=${encodeURIComponent(email)}`);
        const mail = (await res.json()) as CaughtMail[];
        link = mail.at(-1)?.link ?? null;
        return link;
      },
      { message: `a sign-in mail to ${email}`, timeout: 10_000 },
    )
    .not.toBeNull();
  return link!;
}

/** Asks for a link on /signin (returning to `returnTo`), opens it, and waits to land back there. */
export async function signInByMail(page: Page, email: string, returnTo = "/"): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByRole("textbox", { name: "E-mail address" }).fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  await page.goto(await magicLink(email));
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
}
