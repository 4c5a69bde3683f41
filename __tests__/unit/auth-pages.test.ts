import { authErrorMessage, safeCallbackPath, safeRedirect } from "@/lib/accounts/auth/pages";

const BASE = "https://courier.example";

describe("safeRedirect", () => {
  it.each([
    ["/articles/ferry-fares", `${BASE}/articles/ferry-fares`],
    ["/articles/ferry-fares?sort=top#comments", `${BASE}/articles/ferry-fares?sort=top#comments`],
    [`${BASE}/account`, `${BASE}/account`],
    ["  /account  ", `${BASE}/account`],
  ])("keeps %j on our origin", (target, expected) => {
    expect(safeRedirect(target, BASE)).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.example/phish"],
    ["protocol-relative with path", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["mixed slashes", "/\\/evil.example"],
    ["another origin", "https://evil.example/"],
    ["same host, other scheme", "http://courier.example/account"],
    ["same host, other port", "https://courier.example:8443/account"],
    ["lookalike host", "https://courier.example.evil.example/"],
    ["userinfo trick", "https://courier.example@evil.example/"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["mixed-case javascript:", "JaVaScRiPt:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["tab inside //", "/\t/evil.example"],
    ["newline inside //", "/\n/evil.example"],
    ["leading space then //", " //evil.example"],
    ["encoded // (decoded once by the browser)", decodeURIComponent("%2F%2Fevil.example")],
    ["encoded backslash", decodeURIComponent("%2F%5Cevil.example")],
    ["empty", ""],
  ])("sends %s to the home page", (_label, target) => {
    expect(safeRedirect(target, BASE)).toBe(`${BASE}/`);
  });

  it("treats still-encoded slashes as a path on our own site", () => {
    // /%2F%2Fevil.example is a (nonexistent) path here, never a host.
    expect(new URL(safeRedirect("/%2F%2Fevil.example", BASE)).origin).toBe(BASE);
  });

  it("goes home when there is no target", () => {
    expect(safeRedirect(null, BASE)).toBe(`${BASE}/`);
    expect(safeRedirect(undefined, BASE)).toBe(`${BASE}/`);
  });
});

describe("safeCallbackPath", () => {
  it("returns a path with query and fragment, never an origin", () => {
    expect(safeCallbackPath(`${BASE}/articles/x?a=1#comments`, BASE)).toBe("/articles/x?a=1#comments");
    expect(safeCallbackPath("/articles/x#comments", BASE)).toBe("/articles/x#comments");
  });

  it.each(["//evil.example", "/\\evil.example", "https://evil.example/x", "javascript:alert(1)"])(
    "turns %j into /",
    (target) => {
      expect(safeCallbackPath(target, BASE)).toBe("/");
    },
  );
});

describe("safeCallbackPath against open-redirect bypasses", () => {
  // What a browser would do with the returned path as a Location header, resolved on our origin.
  const landsOn = (path: string) => new URL(path, BASE).origin;

  it.each([
    "/.//evil.com",
    "/..//evil.com",
    "/a/..//evil.com",
    "/\\evil.com",
    "/%2F%2Fevil.com",
    "\\\\evil.com",
    "https:evil.com",
    "//evil.com",
    "/\\/evil.com",
    "http://evil.com",
    "javascript:alert(1)",
    "java\tscript:alert(1)",
    "ht\ntp://evil.com",
    "/%5Cevil.com",
    "///evil.com",
    `${BASE}//evil.com`,
    `${BASE}/.//evil.com`,
  ])("keeps %j on our origin as a single-slash path", (target) => {
    const path = safeCallbackPath(target, BASE);
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(landsOn(path)).toBe(BASE);
  });

  it.each(["/.//evil.com", "/..//evil.com", "///evil.com", `${BASE}//evil.com`])(
    "sends %j, a path that resolves to //host, home",
    (target) => {
      expect(safeCallbackPath(target, BASE)).toBe("/");
    },
  );

  it.each([
    [
      "/articles/ferry-fares?sort=top&page=2#comment-abc",
      "/articles/ferry-fares?sort=top&page=2#comment-abc",
    ],
    ["/sections/news/page/abc?x=%2F%2F#c", "/sections/news/page/abc?x=%2F%2F#c"],
    ["/search?q=a//b", "/search?q=a//b"],
    ["/", "/"],
  ])("keeps the ordinary path %j", (target, expected) => {
    expect(safeCallbackPath(target, BASE)).toBe(expected);
  });
});

describe("authErrorMessage", () => {
  it.each(["Verification", "AccessDenied", "OAuthAccountNotLinked", "Configuration", "EmailSignInError"])(
    "has its own words for %s",
    (code) => {
      expect(authErrorMessage(code).title).not.toBe(authErrorMessage(undefined).title);
    },
  );

  it("says an expired or used link is the problem on Verification", () => {
    expect(authErrorMessage("Verification").message).toMatch(/expire/);
  });

  it("falls back to a general message for unknown codes, including prototype names", () => {
    for (const code of ["NoSuchCode", "__proto__", "constructor", "<script>"])
      expect(authErrorMessage(code)).toEqual(authErrorMessage(null));
  });
});
