import { createHash } from "node:crypto";
import { themeScript } from "@/lib/theme-script";
import {
  cachedPageCsp,
  hstsFor,
  noncePageCsp,
  staticSecurityHeaders,
  THEME_SCRIPT_HASH,
} from "@/lib/http/security-headers";

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("security headers", () => {
  test.each([
    ["cached", cachedPageCsp()],
    ["nonce", noncePageCsp("abc")],
  ])("the %s policy forbids framing, plugins, base rewrites and foreign form targets", (_, csp) => {
    const d = directives(csp);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("script-src")).not.toContain("'unsafe-eval'");
  });

  test("cached pages allow inline scripts (no nonce can reach them); per-request pages need the nonce", () => {
    expect(directives(cachedPageCsp()).get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    const scripts = directives(noncePageCsp("abc")).get("script-src");
    expect(scripts).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'", THEME_SCRIPT_HASH]);
    // A hash next to 'unsafe-inline' would switch 'unsafe-inline' off in the browser.
    expect(scripts).not.toContain("'unsafe-inline'");
  });

  test("the theme script's hash is the hash of the script the layout inlines", () => {
    const hash = createHash("sha256").update(themeScript, "utf8").digest("base64");
    expect(THEME_SCRIPT_HASH).toBe(`'sha256-${hash}'`);
  });

  test("the sign-in page's form posts may be redirected to the OAuth providers", () => {
    expect(directives(noncePageCsp("n", ["https://github.com"])).get("form-action")).toEqual([
      "'self'",
      "https://github.com",
    ]);
  });

  test("development adds 'unsafe-eval' (React rebuilds server stacks with eval)", () => {
    expect(directives(cachedPageCsp(true)).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(noncePageCsp("n", [], true)).get("script-src")).toContain("'unsafe-eval'");
  });

  test("HSTS only when the site is served over https", () => {
    expect(hstsFor("https://news.example")).toBe("max-age=63072000; includeSubDomains");
    expect(hstsFor("http://localhost:3000")).toBeNull();
  });

  test("every response carries the static headers", () => {
    const keys = staticSecurityHeaders().map((h) => h.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "Content-Security-Policy",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
        "Permissions-Policy",
      ]),
    );
    const permissions = staticSecurityHeaders().find((h) => h.key === "Permissions-Policy")!.value;
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"])
      expect(permissions).toContain(`${feature}=()`);
  });
});
