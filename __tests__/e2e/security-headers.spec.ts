// Every kind of page carries the security headers and runs under its Content-Security-Policy without
// a single violation: cached pages get a policy without nonces ('unsafe-inline' scripts), per-request
// pages (sign-in, account, moderation, a story's comments) a fresh nonce with 'strict-dynamic'.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { e2eDb, signInAs } from "./support/comment-session";
import { DEMO_STORY } from "./support/stories";

// Each test walks several pages and waits for each to hydrate.
test.describe.configure({ timeout: 120_000 });

type Watch = { problems: string[] };

/** Console errors and warnings, and CSP violations reported to the page, from the first byte on. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { problems: [] };
  page.on("console", (m) => {
    // The site has no favicon (Chromium asks for one anyway): not a policy matter.
    if (m.location().url.endsWith("/favicon.ico")) return;
    // Errors, and any policy message (Chromium words them "Refused to … Content Security Policy").
    // A preload the page did not use in time is a warning about timing, not about the policy.
    if (m.type() === "error" || /Content Security Policy|Refused to/i.test(m.text()))
      w.problems.push(`console.${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => w.problems.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) w.problems.push(`${r.status()} ${r.url()}`);
  });
  await page.exposeFunction("__cspViolation", (v: string) => {
    // zod 4 probes for eval with `Function("")` in a try/catch and, refused, takes its non-JIT path;
    // the browser reports the refusal. (Open item: z.config({ jitless: true }) in lib/zod.ts.)
    if (/^script-src blocked eval \(\)/.test(v)) return;
    w.problems.push(`csp: ${v}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sample}) at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  return w;
}

const SHARED_HEADERS = {
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

async function visit(page: Page, w: Watch, path: string, policy: "cached" | "nonce") {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const headers = response!.headers();
  expect(headers, path).toMatchObject(SHARED_HEADERS);
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The suite serves http://127.0.0.1: HSTS is for https sites only.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const csp = headers["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  if (policy === "cached") expect(csp).toContain("script-src 'self' 'unsafe-inline'");
  else {
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    // Next stamped its own scripts with it.
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  }
  // Hydrated, with the theme script run: the header's theme toggle works only then.
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => typeof document.documentElement.classList)).toBe("object");
  expect(w.problems, path).toEqual([]);
}

test("cached reader pages run under the policy without nonces, with no violation", async ({ page }) => {
  const w = await watch(page);
  for (const path of [
    "/",
    `/articles/${DEMO_STORY.slug}`,
    `/sections/${DEMO_STORY.sectionSlug}`,
    `/tags/${DEMO_STORY.tagSlug}`,
    `/authors/${DEMO_STORY.authorSlug}`,
    "/search?q=ferry",
    "/about",
  ])
    await visit(page, w, path, "cached");
});

test("dark mode still comes from the inline theme script under both policies", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  const w = await watch(page);
  for (const [path, policy] of [
    ["/about", "cached"],
    ["/signin", "nonce"],
  ] as const) {
    await visit(page, w, path, policy);
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  }
  await context.close();
});

test("per-request pages get a nonce policy, with no violation, signed out and signed in", async ({
  page,
  context,
  baseURL,
}) => {
  const w = await watch(page);
  await visit(page, w, "/signin", "nonce");
  await visit(page, w, `/articles/${DEMO_STORY.slug}/comments`, "nonce");
  await signInAs(context, baseURL!, `CSP reader ${randomBytes(3).toString("hex")}`);
  await visit(page, w, "/account", "nonce");
  await visit(page, w, `/articles/${DEMO_STORY.slug}/comments`, "nonce");
  await expect(page.getByRole("textbox", { name: /comment/i }).first()).toBeVisible();
  // The story page is cached even for a signed-in reader; its islands fill in without violations.
  await visit(page, w, `/articles/${DEMO_STORY.slug}`, "cached");
});

test("the moderation pages get a nonce policy, with no violation", async ({ page, context, baseURL }) => {
  const reader = await signInAs(context, baseURL!, `CSP moderator ${randomBytes(3).toString("hex")}`);
  await e2eDb().user.update({ where: { id: reader.id }, data: { role: "MODERATOR" } });
  const w = await watch(page);
  for (const path of ["/moderation", "/moderation/users", "/moderation/log"])
    await visit(page, w, path, "nonce");
});

test("two requests for a per-request page get different nonces", async ({ request }) => {
  const nonce = async () =>
    /'nonce-([^']+)'/.exec((await request.get("/signin")).headers()["content-security-policy"])?.[1];
  const [a, b] = [await nonce(), await nonce()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});
