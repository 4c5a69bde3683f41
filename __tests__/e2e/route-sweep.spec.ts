// Every route in app/ against hostile requests: malformed and overlong URLs, NUL and invalid UTF-8,
// methods no route answers, unknown server actions, wrong content types and oversized bodies. Each
// must get a 4xx (the specific one where we know it), never a 500 or a stack trace, and the server's
// log (scripts/e2e-server.ts keeps a copy) must show no error meanwhile.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eDb } from "./support/comment-session";
import { DEMO_STORY } from "./support/stories";
import { serverActionId } from "../../scripts/lib/bench-comments";

const LOG = path.join(__dirname, "..", "..", ".tmp", process.env.E2E_DB_DIR || "e2e", "server.log");
// One worker: the log window below must hold this file's requests alone.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const S = DEMO_STORY.slug;
const OVERLONG = "a".repeat(10_000);
/** Put in place of a dynamic segment. */
const BAD_SEGMENTS = ["%E0%A4%A", "%", "%zz", "%00", "%C3%28", OVERLONG];
const BAD_QUERIES = ["?cursor=%zz", "?q=%00", "?after=%C3%28", "?sort=%E0%A4%A", `?q=${OVERLONG}`];

/** Every page in app/, with its dynamic segments as `[name]`. */
const PAGES = [
  "/",
  "/about",
  "/search",
  "/articles/[slug]",
  "/articles/[slug]/comments",
  "/articles/[slug]/comments/[commentId]/reply",
  "/articles/[slug]/comments/[commentId]/edit",
  "/articles/[slug]/comments/[commentId]/report",
  "/sections/[slug]",
  "/sections/[slug]/page/[cursor]",
  "/tags/[slug]",
  "/tags/[slug]/page/[cursor]",
  "/authors/[slug]",
  "/authors/[slug]/page/[cursor]",
  "/signin",
  "/signin/check-email",
  "/signin/error",
  "/account",
  "/account/delete",
  "/account/deleted",
  "/moderation",
  "/moderation/appeals",
  "/moderation/log",
  "/moderation/settings",
  "/moderation/users",
  "/moderation/users/[id]",
  "/moderation/articles/[id]",
];

/** Every route handler and metadata route, with the methods it answers. */
const ROUTES: [string, string[]][] = [
  ["/feed.xml", ["GET", "HEAD"]],
  ["/sections/[slug]/feed.xml", ["GET", "HEAD"]],
  ["/sitemap.xml", ["GET", "HEAD"]],
  ["/news-sitemap.xml", ["GET", "HEAD"]],
  ["/robots.txt", ["GET", "HEAD"]],
  ["/sitemaps/articles/sitemap/[id].xml", ["GET", "HEAD"]],
  ["/articles/[slug]/opengraph-image", ["GET", "HEAD"]],
  ["/articles/[slug]/comments/[commentId]", ["GET", "HEAD"]],
  ["/account/export", ["GET", "HEAD"]],
  ["/api/health", ["GET", "HEAD"]],
  ["/api/viewer", ["GET", "HEAD"]],
  ["/api/revalidate", ["POST"]],
  ["/api/auth/[...nextauth]", ["GET", "POST", "HEAD"]],
];

/** The method is refused before the URL is looked at, so bad URLs are tried where GET is allowed. */
const GET_ROUTES = ROUTES.filter(([, methods]) => methods.includes("GET")).map(([t]) => t);

let real: Record<string, string> = {};

test.beforeAll(async () => {
  const db = e2eDb();
  // Any comment will do: the sweep needs a real id in the [commentId] place, not a matching story.
  const comment = await db.comment.findFirstOrThrow({ select: { id: true } });
  real = {
    slug: S,
    commentId: comment.id,
    // Sections, tags and authors share [slug]; a real cursor is not needed to reach the route.
    cursor: "MjAyNi0wMS0wMVQwMDowMDowMC4wMDBaLXg",
    id: "0",
    "...nextauth": "session",
  };
});

const fill = (template: string, values: (name: string) => string) =>
  template.replace(/\[([^\]]+)\]/g, (_, name: string) => values(name));
const realUrl = (template: string) =>
  fill(template, (name) => (template.startsWith("/sections") && name === "slug" ? "city" : real[name]));

function logSize(): number {
  try {
    return statSync(LOG).size;
  } catch {
    return -1;
  }
}

/**
 * The server's log lines written since `from` that report an error. Only the lines that open a report
 * count (an error's name, or Next's ⨯): the log joins stdout and stderr, so a stack's "at" lines can
 * arrive apart from the line that opened it. Unknown server-action ids count too: proxy.ts answers
 * them before Next, which would log each with a stack ("Failed to find Server Action").
 */
function errorLines(from: number): string[] {
  const text = readFileSync(LOG).subarray(from).toString("utf8");
  return text
    .split("\n")
    .filter((line) => !/^\s+at /.test(line))
    .filter((line) => /⨯|\b\w*Error\b|Failed to find Server Action/.test(line));
}

type Probe = { method: string; url: string; headers?: Record<string, string>; data?: string | Buffer };

async function send(request: APIRequestContext, p: Probe) {
  const response = await request.fetch(p.url, {
    method: p.method,
    // A fresh connection each: Node closes one after refusing an overlong request line.
    headers: { connection: "close", ...p.headers },
    data: p.data,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  // (Node answers a 431 to an overlong request line and closes the connection: no body to read.)
  const body = p.method === "HEAD" ? "" : await response.text().catch(() => "");
  return { status: response.status(), allow: response.headers()["allow"], body };
}

function expectNoLeak(label: string, r: { status: number; body: string }) {
  expect(r.status, label).toBeLessThan(500);
  expect(r.body, label).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules|TypeError|URIError/);
}

test.describe("the route sweep", () => {
  let logFrom = -1;
  test.beforeAll(() => {
    logFrom = logSize();
  });
  test.afterAll(() => {
    // The log is kept by scripts/e2e-server.ts; a server started some other way has none to read.
    if (logFrom >= 0) expect(errorLines(logFrom)).toEqual([]);
  });

  test("malformed, NUL, invalid UTF-8 and overlong path segments answer a 4xx", async ({ request }) => {
    for (const template of [...PAGES, ...GET_ROUTES]) {
      if (!template.includes("[")) continue;
      for (const bad of BAD_SEGMENTS) {
        const url = fill(template, () => bad);
        const r = await send(request, { method: "GET", url });
        expectNoLeak(`GET ${url.slice(0, 80)}`, r);
        // Node itself refuses a request line past its 16 KB header limit with 431.
        if (bad === OVERLONG) expect([400, 404, 414, 431], `GET ${url.slice(0, 80)}`).toContain(r.status);
        else {
          expect([400, 404], `GET ${url.slice(0, 80)}`).toContain(r.status);
          // A page's bad URL gets the site's not-found page.
          if (PAGES.includes(template)) expect(r.body, url.slice(0, 80)).toContain("Page not found");
        }
      }
    }
  });

  test("malformed, NUL, invalid UTF-8 and overlong queries answer 400", async ({ request }) => {
    for (const template of [...PAGES, ...GET_ROUTES])
      for (const query of [...BAD_QUERIES, "?after=%ZZ", "?q=%E0%A4%A"]) {
        const url = realUrl(template) + query;
        const r = await send(request, { method: "GET", url });
        expectNoLeak(`GET ${url.slice(0, 80)}`, r);
        // (Next re-encodes a stray % before proxy.ts sees the URL; instrumentation.ts judges it raw.)
        expect(r.status, `GET ${url.slice(0, 80)}`).toBe(400);
        // A page's bad query gets the site's page saying so.
        if (PAGES.includes(template)) expect(r.body, url.slice(0, 80)).toContain("Address not understood");
      }
  });

  test("a method a route does not answer gets 405 with an Allow header", async ({ request }) => {
    const all = [...PAGES.map((t) => [t, ["GET", "HEAD", "POST"]] as [string, string[]]), ...ROUTES];
    for (const [template, allowed] of all)
      for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "GET", "POST"]) {
        if (allowed.includes(method)) continue;
        const url = realUrl(template);
        const r = await send(request, { method, url });
        expect(r.status, `${method} ${url}`).toBe(405);
        expect(r.allow?.split(", ").sort(), `${method} ${url}`).toEqual([...allowed].sort());
      }
  });

  test("bogus server-action posts to pages answer a 4xx", async ({ request }) => {
    const big = Buffer.alloc(1024 * 1024 + 1, "a");
    const probes = (url: string): [string, Probe][] => [
      [
        "unknown action id",
        {
          method: "POST",
          url,
          headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
          data: "[]",
        },
      ],
      [
        "malformed action id",
        {
          method: "POST",
          url,
          headers: { "next-action": "x", "content-type": "text/plain;charset=UTF-8" },
          data: "[]",
        },
      ],
      [
        "JSON to a page",
        { method: "POST", url, headers: { "content-type": "application/json" }, data: "{}" },
      ],
      ["no content type", { method: "POST", url, data: "" }],
      [
        "1 MB action body",
        {
          method: "POST",
          url,
          headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
          data: big,
        },
      ],
      [
        "1 MB form post",
        { method: "POST", url, headers: { "content-type": "application/x-www-form-urlencoded" }, data: big },
      ],
    ];
    for (const template of [
      "/",
      "/about",
      "/articles/[slug]",
      "/articles/[slug]/comments",
      "/signin",
      "/account",
    ])
      for (const [label, probe] of probes(realUrl(template))) {
        const r = await send(request, probe);
        expectNoLeak(`${label} → ${probe.url}`, r);
        if (label !== "1 MB form post")
          expect(r.status, `${label} → ${probe.url}`).toBeGreaterThanOrEqual(400);
        if (label === "JSON to a page" || label === "no content type") expect(r.status).toBe(415);
      }
  });

  test("an unknown action id gets Next's empty not-found answer, before Next logs it", async ({
    request,
  }) => {
    for (const [id, status] of [
      ["0".repeat(42), 404],
      ["x", 400],
    ] as const) {
      const response = await request.fetch(realUrl("/articles/[slug]"), {
        method: "POST",
        headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8" },
        data: "[]",
        failOnStatusCode: false,
      });
      expect(response.status(), id).toBe(status);
      // The header Next's client reads to report an action the server does not have.
      expect(response.headers()["x-nextjs-action-not-found"], id).toBe("1");
      expect(await response.text(), id).toBe("");
    }
  });

  test("a no-JavaScript form for an action this build lacks gets a 409 page with the text typed", async ({
    request,
  }) => {
    const typed = "A long comment <b>typed</b> & posted from yesterday's page";
    const returnTo = realUrl("/articles/[slug]");
    const stale = "a".repeat(42);
    const forms: Record<string, string>[] = [
      { [`$ACTION_ID_${stale}`]: "", body: typed, returnTo, articleId: "x", enhanced: "0" },
      {
        $ACTION_REF_1: "",
        "$ACTION_1:0": JSON.stringify({ id: stale, bound: "$@1" }),
        "$ACTION_1:1": "[null]",
        $ACTION_KEY: "k0",
        body: typed,
        returnTo,
      },
    ];
    for (const multipart of forms) {
      const response = await request.post(realUrl("/articles/[slug]/comments"), {
        multipart,
        failOnStatusCode: false,
      });
      expect(response.status()).toBe(409);
      const html = await response.text();
      expect(html).toContain("This page was updated");
      // What was typed, in a labelled box to copy from, escaped; and the way back.
      expect(html).toMatch(/<label for="typed-0">Your text<\/label>/);
      expect(html).toContain(
        '<textarea id="typed-0" rows="8" cols="60">A long comment &#60;b&#62;typed&#60;/b&#62; &#38; posted from yesterday&#39;s page</textarea>',
      );
      expect(html).toContain(`<a href="${returnTo}">`);
      expect(html).not.toContain("articleId");
    }
  });

  test("a search past the per-address limit answers 429 with Retry-After and the site's page", async ({
    request,
  }) => {
    // Its own client address (the suite trusts 127.0.0.1 as a proxy), so other specs' searches are not held up.
    const headers = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
    let last = await request.get("/search?q=harbour", { headers, failOnStatusCode: false });
    for (let i = 0; i < 100 && last.status() === 200; i++)
      last = await request.get(`/search?q=harbour+${i}`, { headers, failOnStatusCode: false });
    expect(last.status()).toBe(429);
    expect(Number(last.headers()["retry-after"])).toBeGreaterThan(0);
    expect(last.headers()["cache-control"]).toBe("no-store");
    expect(await last.text()).toContain("Too many searches");
    // An empty search reaches no database and is never refused; another address is not held up.
    expect((await request.get("/search", { headers })).status()).toBe(200);
    expect(
      (await request.get("/search?q=harbour", { headers: { "x-forwarded-for": "203.0.113.77" } })).status(),
    ).toBe(200);
  });

  test("a real server action replayed from another origin answers 403, not 500", async ({ request }) => {
    const id = serverActionId(
      process.env.E2E_DIST_DIR || ".next-e2e",
      "lib/accounts/actions/auth.ts",
      "signInWithEmail",
    );
    for (const origin of ["https://evil.example", "null", "http://"]) {
      const r = await send(request, {
        method: "POST",
        url: "/signin",
        headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", origin },
        data: JSON.stringify([null, "email=a@example.com"]),
      });
      expectNoLeak(origin, r);
      expect(r.status, origin).toBe(403);
    }
  });

  test("a non-numeric or missing article sitemap id is not found", async ({ request }) => {
    for (const id of ["abc", "-1", "1.5", "NaN", "0", "99"]) {
      const r = await send(request, { method: "GET", url: `/sitemaps/articles/sitemap/${id}.xml` });
      expectNoLeak(id, r);
      expect(r.status, id).toBe(404);
    }
  });

  test("every route still answers its real URL", async ({ request }) => {
    for (const template of [
      "/",
      "/about",
      "/search?q=ferry",
      "/articles/[slug]",
      "/articles/[slug]/comments",
      "/sections/[slug]",
      "/signin",
      "/feed.xml",
      "/sections/[slug]/feed.xml",
      "/sitemap.xml",
      "/robots.txt",
      "/api/health",
      "/api/viewer",
    ]) {
      const r = await send(request, { method: "GET", url: realUrl(template) });
      expect(r.status, template).toBe(200);
    }
  });
});
