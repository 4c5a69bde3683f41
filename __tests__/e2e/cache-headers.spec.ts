// What a shared cache in front of the site (nginx's micro-cache, a CDN) may do with each response:
// reader pages for a second or two at most, so a new comment is never hidden for longer; per-reader
// responses not at all.
import { expect, test } from "@playwright/test";
import { DEMO_STORY } from "./support/stories";

const STORY = "/articles/harbour-seals-tracked-by-university-team";

/** Seconds a shared cache may serve the response, fresh (s-maxage) plus stale (stale-while-revalidate). */
function sharedSeconds(header: string | null): number {
  const directives = new Map(
    (header ?? "").split(",").map((d) => {
      const [name, value] = d.trim().toLowerCase().split("=");
      return [name, value === undefined ? true : Number(value)] as const;
    }),
  );
  if (directives.has("private") || directives.has("no-store")) return 0;
  const fresh = directives.get("s-maxage") ?? directives.get("max-age");
  const stale = directives.get("stale-while-revalidate");
  return (typeof fresh === "number" ? fresh : Infinity) + (typeof stale === "number" ? stale : 0);
}

for (const path of [
  "/",
  STORY,
  "/sections/city",
  `/tags/${DEMO_STORY.tagSlug}`,
  `/authors/${DEMO_STORY.authorSlug}`,
]) {
  test(`${path} may be held by a shared cache for two seconds at most`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const header = response.headers()["cache-control"];
    expect(header).toMatch(/s-maxage=\d+/);
    expect(sharedSeconds(header)).toBeGreaterThan(0);
    expect(sharedSeconds(header)).toBeLessThanOrEqual(2);
    // Browsers ask again every time.
    expect(header).toMatch(/max-age=0\b/);
  });
}

test("a story's client navigation answer is held no longer than the page", async ({ request }) => {
  const response = await request.get(STORY, { headers: { RSC: "1" } });
  expect(response.status()).toBe(200);
  expect(sharedSeconds(response.headers()["cache-control"])).toBeLessThanOrEqual(2);
});

test("per-reader responses stay private", async ({ request }) => {
  for (const path of ["/api/viewer", `${STORY}/comments`, "/account"]) {
    const header = (await request.get(path, { maxRedirects: 0 })).headers()["cache-control"] ?? "";
    expect.soft(header, path).toMatch(/private|no-store/);
  }
});
