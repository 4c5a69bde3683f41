// An import made while the site runs shows on the cached pages at once: the importer names the
// story's cache tags to POST /api/revalidate (scripts/import-articles.ts, lib/cache-tags.ts).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { E2E_REVALIDATE_SECRET, EDITED_STORY } from "./support/stories";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const headlineOf = async (response: Response) =>
  /<h1[^>]*>([^<]*)<\/h1>/.exec(await response.text())?.[1] ?? "";

test("a re-imported headline is on the running site within a second", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const url = `${baseURL}/articles/${EDITED_STORY.slug}`;
  // Twice: the second read is the cached page, which is what must change.
  await fetch(url);
  expect(await headlineOf(await fetch(url))).toBe(EDITED_STORY.headline);

  const changed = `Night buses are back, edited ${Date.now()}`;
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-e2e-"));
  const file = path.join(dir, `${EDITED_STORY.slug}.md`);
  const source = readFileSync(path.join(ROOT, EDITED_STORY.file), "utf8");
  writeFileSync(file, source.replace(/^headline: .*$/m, `headline: "${changed}"`));

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
  expect(stdout).toContain("1 updated");
  expect(stdout).toContain(`Told the site at ${baseURL}`);

  const told = Date.now();
  await expect
    .poll(async () => headlineOf(await fetch(url)), { timeout: 1000, intervals: [50] })
    .toBe(changed);
  expect(Date.now() - told).toBeLessThan(1000);

  // Listings are refreshed in the background: a reader may get the previous version once.
  await expect
    .poll(
      async () =>
        (await (await fetch(`${baseURL}/sections/${EDITED_STORY.sectionSlug}`)).text()).includes(changed),
      {
        timeout: 5000,
        intervals: [100],
      },
    )
    .toBe(true);
});
