// proxy.ts remembers which reader URLs exist (lib/stories/dal/reader-routes.ts). An import that renames a
// story tells the site (POST /api/revalidate), which forgets them: the old slug answers 308 to the
// new one at once, not when the remembered answer runs out.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { E2E_REVALIDATE_SECRET } from "./support/stories";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
// No other spec reads this story.
const FILE = "content/demo/tide-bookshop-on-gull-island.md";
const OLD = "tide-bookshop-on-gull-island";

test("a renamed story's old slug answers 308 right after the import", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const renamed = `tide-bookshop-renamed-${Date.now()}`;
  const get = (slug: string) => fetch(`${baseURL}/articles/${slug}`, { redirect: "manual" });
  // Both answers are now remembered: the story exists, the new slug does not.
  expect((await get(OLD)).status).toBe(200);
  expect((await get(renamed)).status).toBe(404);

  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-e2e-"));
  const file = path.join(dir, `${renamed}.md`);
  const source = readFileSync(path.join(ROOT, FILE), "utf8");
  writeFileSync(file, source.replace(/^slug: .*$/m, `slug: ${renamed}\nredirectFrom: ${OLD}`));
  const { stdout } = await run(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    ["scripts/import-articles.ts", file],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: `file:${path.join(ROOT, ".tmp", "e2e", "e2e.db")}`,
        SITE_URL: baseURL,
        REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
      },
    },
  );
  expect(stdout).toContain(`Told the site at ${baseURL}`);

  const moved = await get(OLD);
  expect(moved.status).toBe(308);
  expect(moved.headers.get("location")).toMatch(new RegExp(`/articles/${renamed}$`));
  expect((await get(renamed)).status).toBe(200);
});

test("listing cursors: old ?before= URLs and unknown cursors", async ({ baseURL }) => {
  const get = (p: string) => fetch(`${baseURL}${p}`, { redirect: "manual" });
  expect((await get("/sections/city/page/not-a-cursor")).status).toBe(404);
  expect((await get("/sections/city?before=not-a-cursor")).status).toBe(404);
  // A well-formed cursor older than every story: there is no such page.
  const ancient = Buffer.from("0.zzz").toString("base64url");
  expect((await get(`/tags/transport/page/${ancient}`)).status).toBe(404);
  // ?after= of the oldest possible story: the newest stories, i.e. the first page.
  const after = await get(`/sections/city?after=${ancient}`);
  expect(after.status).toBe(307);
  expect(after.headers.get("location")).toMatch(/\/sections\/city$/);
});
