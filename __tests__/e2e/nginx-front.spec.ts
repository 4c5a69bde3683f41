// The committed nginx front (deploy/nginx) in front of the suite's `next start`: what it caches, for
// how long, what it never caches, compression, RSC versus HTML, and the client address it forwards.
// Needs nginx (CI installs it: apt-get install nginx libnginx-mod-http-brotli-filter); skipped, with
// the reason printed, where it is absent.
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { nginxBinary, startNginx, stopNginx } from "../../scripts/lib/nginx";
import { DEMO_STORY } from "./support/stories";

const sitePort = Number(process.env.E2E_PORT || 3204);
const port = Number(process.env.E2E_NGINX_PORT || sitePort + 5);
const dir = path.join(__dirname, "../../.tmp", process.env.E2E_DB_DIR || "e2e", "nginx");
const article = `/articles/${DEMO_STORY.slug}`;

type Reply = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** A raw request to nginx: no header added, no body decoded, from a chosen loopback address. */
function send(
  pathname: string,
  {
    method = "GET",
    headers = {},
    body,
    from,
  }: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, path: pathname, method, headers, localAddress: from, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const cacheStatus = (r: Reply) => r.headers["x-cache-status"] ?? "";
/** A URL of its own per test, so no test sees an entry another one (or a rerun) made. */
const fresh = (pathname: string) =>
  `${pathname}?nginx-test=${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let nginx: ChildProcess | null = null;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  if (!nginxBinary()) {
    console.log(
      "nginx-front: SKIPPED, nginx is not installed (apt-get install nginx libnginx-mod-http-brotli-filter)",
    );
    return;
  }
  nginx = await startNginx({ port, upstreams: [`127.0.0.1:${sitePort}`], dir });
});

test.afterAll(async () => {
  if (nginx) await stopNginx(nginx);
});

test.beforeEach(() => {
  test.skip(!nginx, "nginx is not installed");
});

test("a signed-out reader's story page is served from the micro-cache, for one to two seconds", async () => {
  const url = fresh(article);
  const first = await send(url);
  expect(first.status).toBe(200);
  expect(cacheStatus(first)).toBe("MISS");
  const second = await send(url);
  expect(cacheStatus(second)).toBe("HIT");
  expect(second.body.equals(first.body)).toBe(true);
  // nginx counts cache lifetimes in whole seconds: an entry made for 1 s lives until the end of the
  // next second, so between 1 and 2 s.
  await new Promise((r) => setTimeout(r, 2100));
  // Expired: served stale once while one request fetches it again in the background, never HIT.
  const later = await send(url);
  expect(["EXPIRED", "STALE", "UPDATING", "MISS"]).toContain(cacheStatus(later));
});

test("a reader with a session cookie is never served from or stored in the cache", async () => {
  const url = fresh(article);
  for (const cookie of [
    "theme=dark; authjs.session-token=not-a-real-session",
    "__Secure-authjs.session-token=not-a-real-session",
  ]) {
    for (let i = 0; i < 2; i++) expect(cacheStatus(await send(url, { headers: { cookie } }))).toBe("BYPASS");
  }
  // Nothing the signed-in requests fetched was stored for the signed-out reader either.
  expect(cacheStatus(await send(url))).toBe("MISS");
  // Other cookies do not stop caching.
  expect(cacheStatus(await send(url, { headers: { cookie: "theme=dark" } }))).toBe("HIT");
});

test("per-reader routes, staff pages and comment pages bypass the cache", async () => {
  for (const pathname of [
    "/api/viewer",
    "/api/auth/session",
    "/moderation",
    "/account",
    "/signin",
    `${article}/comments`,
    "/search?q=harbour",
  ]) {
    const replies = [await send(pathname), await send(pathname)];
    for (const r of replies) expect(cacheStatus(r), pathname).toBe("BYPASS");
  }
});

test("a POST (a form, a server action) is never cached and never answers a later GET", async () => {
  const url = fresh(article);
  // No Next-Action header: an unknown action id would write an error to the server's log, which the
  // route sweep reads. nginx never caches a POST whatever it carries.
  for (let i = 0; i < 2; i++) {
    const r = await send(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "body=hello",
    });
    expect(r.status).toBeLessThan(500);
    expect(["", "BYPASS"]).toContain(cacheStatus(r));
  }
  const get = await send(url);
  expect(cacheStatus(get)).toBe("MISS");
  expect(get.headers["content-type"]).toMatch(/^text\/html/);
});

test("the build's hashed assets are cached for a year, immutable", async () => {
  const html = (await send(article)).body.toString();
  const asset = /(\/_next\/static\/[^"'\s]+\.js(?:\?[^"'\s]*)?)/.exec(html)?.[1];
  expect(asset, "a script under /_next/static in the page").toBeTruthy();
  const first = await send(asset!);
  expect(first.status).toBe(200);
  expect(first.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(cacheStatus(await send(asset!))).toBe("HIT");
});

test("brotli for clients that take it, gzip for the others, the same page either way", async () => {
  // /about, whose bytes never change: a story's page may gain a comment from another spec between
  // the three requests (the micro-cache holds a copy for one or two seconds only).
  const url = fresh("/about");
  const plain = await send(url);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  const br = await send(url, { headers: { "accept-encoding": "gzip, deflate, br" } });
  expect(br.headers["content-encoding"]).toBe("br");
  expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  const gz = await send(url, { headers: { "accept-encoding": "gzip" } });
  expect(gz.headers["content-encoding"]).toBe("gzip");
  expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  expect(String(gz.headers.vary)).toMatch(/Accept-Encoding/i);
});

test("the micro-cache holds each encoding compressed once: a copy per kind of client, reused as it is", async () => {
  // Compressing a story page (~240 kB) for every reader held the page to a tenth of the file's rate:
  // the cache keeps the compressed bytes per encoding, so a client of another kind is a MISS (its own
  // copy, compressed once), and the next of its kind a HIT with the same bytes.
  const url = fresh("/about");
  const br = { "accept-encoding": "gzip, deflate, br" };
  const gzip = { "accept-encoding": "gzip" };
  const plain = await send(url);
  expect(cacheStatus(plain)).toBe("MISS");
  const firstBr = await send(url, { headers: br });
  expect([firstBr.headers["content-encoding"], cacheStatus(firstBr)]).toEqual(["br", "MISS"]);
  const secondBr = await send(url, { headers: br });
  expect([secondBr.headers["content-encoding"], cacheStatus(secondBr)]).toEqual(["br", "HIT"]);
  expect(secondBr.body.equals(firstBr.body)).toBe(true);
  const firstGz = await send(url, { headers: gzip });
  expect([firstGz.headers["content-encoding"], cacheStatus(firstGz)]).toEqual(["gzip", "MISS"]);
  expect(gunzipSync(firstGz.body).equals(plain.body)).toBe(true);
  expect(cacheStatus(await send(url, { headers: gzip }))).toBe("HIT");
  const plainAgain = await send(url);
  expect([plainAgain.headers["content-encoding"], cacheStatus(plainAgain)]).toEqual([undefined, "HIT"]);
  // What the cache holds for this URL: one entry per encoding, stored as sent.
  const query = url.slice(url.indexOf("?"));
  const stored = readdirSync(path.join(dir, "cache"), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => readFileSync(path.join(f.parentPath, f.name), "latin1"))
    .filter((entry) => entry.includes(query))
    .map((entry) => /\r\ncontent-encoding: *([^\r]*)\r\n/i.exec(entry)?.[1] ?? "identity")
    .sort();
  expect(stored).toEqual(["br", "gzip", "identity"]);
});

/** An RSC fetch as the router makes it: Next 16 first redirects to the URL with the `_rsc` hash. */
async function rscFetch(url: string, headers: Record<string, string>) {
  let r = await send(url, { headers });
  for (let hops = 0; r.status === 307 && hops < 2; hops++) r = await send(r.headers.location!, { headers });
  return r;
}

test("an RSC request never gets the cached HTML, and a page request never gets cached RSC", async () => {
  const rsc = { rsc: "1" };
  const htmlFirst = fresh(article);
  expect((await send(htmlFirst)).headers["content-type"]).toMatch(/^text\/html/);
  const redirect = await send(htmlFirst, { headers: rsc });
  expect(redirect.status).toBe(307);
  const rscAfter = await rscFetch(htmlFirst, rsc);
  expect(rscAfter.headers["content-type"]).toMatch(/^text\/x-component/);
  // The same URL with its _rsc hash as a plain page request: HTML, not the cached payload.
  const sameUrlAsPage = await send(redirect.headers.location!);
  expect(sameUrlAsPage.headers["content-type"]).toMatch(/^text\/html/);

  const rscFirst = fresh(article);
  expect((await rscFetch(rscFirst, rsc)).headers["content-type"]).toMatch(/^text\/x-component/);
  const prefetch = await rscFetch(rscFirst, { ...rsc, "next-router-prefetch": "1" });
  expect(prefetch.status).toBe(200);
  const htmlAfter = await send(rscFirst);
  expect(htmlAfter.headers["content-type"]).toMatch(/^text\/html/);
  expect(cacheStatus(htmlAfter)).toBe("MISS");
  expect(htmlAfter.body.toString()).toMatch(/^<!DOCTYPE html>/i);
});

test("a client's own X-Forwarded-For is not believed past nginx", async () => {
  // 31 searches, each claiming another address: the site must count them all against the address
  // nginx saw (127.0.0.2, this spec's own), so the limit of 30 a minute stops the last.
  const statuses: number[] = [];
  let last = "";
  for (let i = 1; i <= 31; i++) {
    const r = await send(`/search?q=harbour&n=${i}`, {
      from: "127.0.0.2",
      headers: { "x-forwarded-for": `203.0.113.${i}` },
    });
    statuses.push(r.status);
    last = r.body.toString();
  }
  // proxy.ts answers an over-limit search 429 with the site's "Too many searches" page.
  expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
  expect(statuses[30]).toBe(429);
  expect(last).toContain("Too many searches");
});
