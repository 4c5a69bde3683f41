// Every page type's HTML as the server sends it (what the W3C checker reads, before any script runs)
// passes html-validate with no errors. The config (.htmlvalidate.json, also read by `npx html-validate`)
// is html-validate:recommended; the rules it turns off (JSON has no comments, so they are listed here)
// judge how Next and React write markup, not whether it is valid HTML:
// - no-inline-style: React streams Suspense content in hidden <div>s and Next's dev/error overlays use
//   style attributes; validity allows them (and the CSP names 'unsafe-inline' for styles).
// - prefer-native-element, no-redundant-role: role="search" on <form> and role="status" on <p> are
//   deliberate (older screen readers need them), valid HTML either way.
// - attribute-boolean-style, attribute-empty-style, void-style, no-trailing-whitespace, attr-case,
//   script-type: how React and Next serialise (`hidden=""`, `<meta …/>`, `charSet`, `dateTime`,
//   `type="text/javascript"`) — a matter of style; HTML attribute names are case-insensitive.
// - aria-label-misuse allows any element whose role may be named: a thread's replies are an
//   <ol aria-label="Replies to …"> (ARIA lets lists be named; axe agrees), which the rule only "does
//   not recommend".
// - valid-id is relaxed (ids may hold any character but whitespace, as HTML allows): React's useId
//   makes ids like `_R_1_` and its streaming makes `B:0`/`S:0`.
// - long-title: a story's title is its headline.
// - form-dup-name lets checkboxes share a name, as HTML does (the W3C checker accepts it): the
//   moderation queue's bulk form ticks many `ids`.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { HtmlValidate, type ConfigData, type Message } from "html-validate";
import { e2eDb } from "./support/comment-session";
import { DEMO_STORY, UNKNOWN_SLUG } from "./support/stories";

const CONFIG = path.join(__dirname, "..", "..", ".htmlvalidate.json");
const validator = new HtmlValidate(JSON.parse(readFileSync(CONFIG, "utf8")) as ConfigData);

async function errorsIn(request: APIRequestContext, url: string, cookie?: string): Promise<string[]> {
  const response = await request.get(url, {
    headers: cookie ? { cookie } : {},
    failOnStatusCode: false,
    maxRedirects: 0,
  });
  expect([200, 404], url).toContain(response.status());
  const report = await validator.validateString(await response.text());
  const messages: Message[] = report.results.flatMap((r) => r.messages);
  return messages
    .filter((m) => m.severity === 2)
    .map((m) => `${m.ruleId} at ${m.line}:${m.column}: ${m.message} (${(m.selector ?? "").slice(0, 120)})`);
}

let commented = "";
let staffCookie = "";

test.beforeAll(async () => {
  const db = e2eDb();
  const comment = await db.comment.findFirstOrThrow({
    where: { status: "PUBLISHED", article: { status: "PUBLISHED" } },
    select: { article: { select: { id: true, slug: true } } },
  });
  commented = comment.article.slug;
  // Two held comments, so the queue renders its items (checkboxes sharing a name, note inputs) and
  // not only its empty state, whichever specs ran before this one.
  const reader = await db.user.create({
    data: { name: `Validator Reader ${randomBytes(3).toString("hex")}` },
  });
  for (const n of [1, 2])
    await db.comment.create({
      data: {
        articleId: comment.article.id,
        authorId: reader.id,
        body: `Held for the validator, ${n}.`,
        status: "PENDING",
        moderationReason: "links",
      },
    });
  const staff = await db.user.create({
    data: { name: `Validator Moderator ${randomBytes(3).toString("hex")}`, role: "MODERATOR" },
  });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({
    data: { sessionToken, userId: staff.id, expires: new Date(Date.now() + 3600 * 1000) },
  });
  staffCookie = `authjs.session-token=${sessionToken}`;
});

const PAGES: [string, () => string][] = [
  ["home", () => "/"],
  ["section", () => `/sections/${DEMO_STORY.sectionSlug}`],
  ["tag", () => `/tags/${DEMO_STORY.tagSlug}`],
  ["author", () => `/authors/${DEMO_STORY.authorSlug}`],
  ["story with comments", () => `/articles/${commented}`],
  ["its comments page", () => `/articles/${commented}/comments`],
  ["search with results", () => "/search?q=ferry"],
  ["sign-in", () => "/signin"],
  ["about", () => "/about"],
  ["404", () => `/articles/${UNKNOWN_SLUG}`],
];

test.describe("valid HTML", () => {
  for (const [name, url] of PAGES)
    test(`${name} has no html-validate errors`, async ({ request }) => {
      expect(await errorsIn(request, url())).toEqual([]);
    });

  test("a comments page with a signed-in reader's controls has no html-validate errors", async ({
    request,
  }) => {
    expect(await errorsIn(request, `/articles/${commented}/comments`, staffCookie)).toEqual([]);
  });

  test("the moderation queue, signed in as staff, has no html-validate errors", async ({ request }) => {
    expect(await errorsIn(request, "/moderation", staffCookie)).toEqual([]);
  });
});
