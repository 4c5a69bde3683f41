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

// Next writes one error with a stack for a server-action id it does not know, by design (it points
// at a client from another deployment); the answer is still a 4xx. Everything else is ours to fix.
const NEXT_UNKNOWN_ACTION =
  /Failed to find Server Action|Server Reference ID did not match|failed-to-find-server-action/;

/**
 * The server's log lines written since `from` that report an error. Only the lines that open a report
 * count (an error's name, or Next's ⨯): the log joins stdout and stderr, so a stack's "at" lines can
 * arrive apart from the line that opened it, and that line is what says whether it is ours.
 */
function errorLines(from: number): string[] {
  const text = readFileSync(LOG).subarray(from).toString("utf8");
  return text
    .split("\n")
    .filter((line) => !NEXT_UNKNOWN_ACTION.test(line) && !/^\s+at /.test(line))
    .filter((line) => /⨯|\b\w*Error\b/.test(line));
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

  test("NUL and overlong queries answer 400 or 404; stray % signs are read as text", async ({ request }) => {
    for (const template of [...PAGES, ...GET_ROUTES])
      for (const query of BAD_QUERIES) {
        const url = realUrl(template) + query;
        const r = await send(request, { method: "GET", url });
        expectNoLeak(`GET ${url.slice(0, 80)}`, r);
        // Next parses the query leniently before proxy.ts sees it (`%zz` arrives as the text "%zz"),
        // so those reach the page as an unknown cursor or search; NUL and length are refused.
        if (query.includes("%00") || query.length > 4096)
          expect([400, 404], `GET ${url.slice(0, 80)}`).toContain(r.status);
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

  test("a real server action replayed from another origin answers 403, not 500", async ({ request }) => {
    const id = serverActionId(
      process.env.E2E_DIST_DIR || ".next-e2e",
      "lib/actions/auth.ts",
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
