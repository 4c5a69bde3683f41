import { allowFor, MAX_SEGMENT, refusal, routeMethods, wellFormedUrl } from "@/lib/http/request-guard";

const req = (method: string, pathname: string, search = "", headers: Record<string, string> = {}) => ({
  method,
  pathname,
  search,
  headers: new Headers(headers),
});

describe("methods", () => {
  test.each([
    "/",
    "/articles/a-story",
    "/sections/city/page/abc",
    "/signin",
    "/account",
    "/moderation/users",
  ])(
    "the page %s answers GET and HEAD and refuses TRACE, PUT, DELETE, PATCH and OPTIONS with 405",
    (path) => {
      expect(refusal(req("GET", path))).toBeNull();
      expect(refusal(req("HEAD", path))).toBeNull();
      for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "PROPFIND"])
        expect(refusal(req(method, path))).toEqual({ kind: "method", status: 405, allow: "GET, HEAD, POST" });
    },
  );

  test("a page takes a POST only as a server action (Next-Action header or a multipart form)", () => {
    expect(refusal(req("POST", "/account", "", { "next-action": "7f00" }))).toBeNull();
    expect(
      refusal(req("POST", "/account", "", { "content-type": "multipart/form-data; boundary=x" })),
    ).toBeNull();
    expect(
      refusal(req("POST", "/account", "", { "content-type": "application/x-www-form-urlencoded" })),
    ).toEqual({ kind: "media-type", status: 415 });
    expect(refusal(req("POST", "/account", "", { "content-type": "application/json" }))).toEqual({
      kind: "media-type",
      status: 415,
    });
    expect(refusal(req("POST", "/"))).toEqual({ kind: "media-type", status: 415 });
  });

  test("a server action replayed from another origin is refused with 403 before Next sees it", () => {
    const action = (headers: Record<string, string>) =>
      refusal(req("POST", "/signin", "", { "next-action": "7f00", host: "news.example", ...headers }));
    expect(action({ origin: "https://news.example" })).toBeNull();
    expect(action({})).toBeNull();
    for (const origin of ["https://evil.example", "null", "http://", "https://news.example.evil.example"])
      expect(action({ origin })).toEqual({ kind: "cross-origin", status: 403 });
    // Behind the nginx front the host the reader used arrives as X-Forwarded-Host.
    expect(
      action({ origin: "https://news.example", host: "127.0.0.1:3000", "x-forwarded-host": "news.example" }),
    ).toBeNull();
    // A no-JavaScript form post is checked the same way.
    expect(
      refusal(
        req("POST", "/signin", "", {
          "content-type": "multipart/form-data; boundary=x",
          host: "news.example",
          origin: "https://evil.example",
        }),
      ),
    ).toEqual({ kind: "cross-origin", status: 403 });
  });

  test("route handlers allow exactly the methods they export", () => {
    expect(routeMethods("/api/health")).toEqual(["GET", "HEAD"]);
    expect(routeMethods("/api/viewer")).toEqual(["GET", "HEAD"]);
    expect(routeMethods("/api/revalidate")).toEqual(["POST"]);
    expect(routeMethods("/api/auth/signin/oidc")).toEqual(["GET", "POST", "HEAD"]);
    expect(routeMethods("/feed.xml")).toEqual(["GET", "HEAD"]);
    expect(routeMethods("/sections/city/feed.xml")).toEqual(["GET", "HEAD"]);
    expect(routeMethods("/sitemaps/articles/sitemap/0.xml")).toEqual(["GET", "HEAD"]);
    expect(routeMethods("/robots.txt")).toEqual(["GET", "HEAD"]);
    expect(routeMethods("/account/export")).toEqual(["GET", "HEAD"]);
    expect(routeMethods("/articles/a/comments/c1")).toEqual(["GET", "HEAD"]);
    expect(routeMethods("/articles/a/opengraph-image")).toEqual(["GET", "HEAD"]);
    expect(routeMethods("/articles/a/comments")).toBeNull();
    expect(routeMethods("/articles/a/comments/c1/reply")).toBeNull();
    expect(refusal(req("TRACE", "/api/health"))).toEqual({ kind: "method", status: 405, allow: "GET, HEAD" });
    expect(refusal(req("GET", "/api/revalidate"))).toEqual({ kind: "method", status: 405, allow: "POST" });
    // A route handler reads its own body: no content-type rule here.
    expect(refusal(req("POST", "/api/revalidate", "", { "content-type": "application/json" }))).toBeNull();
  });
});

test("Allow names what a path answers", () => {
  expect(allowFor("/articles/a")).toBe("GET, HEAD, POST");
  expect(allowFor("/api/revalidate")).toBe("POST");
  expect(allowFor("/feed.xml")).toBe("GET, HEAD");
});

describe("URLs", () => {
  test.each([
    ["/articles/%E0%A4%A", ""],
    ["/sections/news/page/%", ""],
    ["/articles/%00", ""],
    ["/articles/a%0Ab", ""],
    ["/articles/%C3%28", ""],
    ["/articles/%FF", ""],
    [`/articles/${"a".repeat(MAX_SEGMENT + 1)}`, ""],
    ["/articles/x/comments", "?cursor=%zz"],
    ["/search", "?q=%00"],
    ["/search", "?q=%C3%28"],
    ["/search", `?q=${"a".repeat(5000)}`],
    ["/search", "?%zz=1"],
  ])("refuses %s%s with 400", (pathname, search) => {
    expect(wellFormedUrl(pathname, search)).toBe(false);
    expect(refusal(req("GET", pathname, search))).toEqual({ kind: "bad-url", status: 400 });
  });

  test.each([
    ["/", ""],
    ["/articles/caf%C3%A9-opens", ""],
    ["/articles/ferry-fares", "?utm_source=x&y"],
    ["/search", "?q=harbour+ferry%20fares"],
    ["/search", "?q=%E2%9C%93&page=2"],
    ["/articles/x/comments", "?sort=top&after=eyJpZCI6IjEifQ%3D%3D"],
  ])("lets %s%s through", (pathname, search) => {
    expect(wellFormedUrl(pathname, search)).toBe(true);
    expect(refusal(req("GET", pathname, search))).toBeNull();
  });
});
