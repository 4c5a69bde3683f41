// Markdown files: YAML front matter (already parsed by gray-matter) plus a Markdown body.
import { z } from "zod";
import { namedFrom, slugify, standfirstFrom } from "./text";

type Defaults = { section?: string; author?: string };

const text = z.string().trim().min(1, "must not be empty");
const oneOrMany = z.union([text, z.array(text)]);

const frontMatterSchema = z.strictObject({
  slug: text.optional(),
  headline: text,
  standfirst: text.optional(),
  section: text.optional(),
  tags: oneOrMany.optional(),
  author: oneOrMany.optional(),
  authors: oneOrMany.optional(),
  image: text.optional(),
  alt: text.optional(),
  caption: text.optional(),
  credit: text.optional(),
  // js-yaml already turns unquoted ISO timestamps into Dates; quoted ones arrive as strings.
  publishedAt: z.union([z.date(), text]).optional(),
  status: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.enum(["DRAFT", "PUBLISHED"], "must be draft or published"))
    .optional(),
  commentsClosed: z.boolean().optional(),
  redirectFrom: oneOrMany.optional(),
});

export function fromFrontMatter(
  data: Record<string, unknown>,
  content: string,
  defaults: Defaults,
  fail: (problem: string) => never,
): unknown {
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue.code === "unrecognized_keys") fail(`front matter has an unknown field "${issue.keys[0]}"`);
    const field = String(issue.path[0]);
    if (data[field] === undefined || data[field] === null) fail(`front matter is missing "${field}"`);
    fail(`front matter "${issue.path.join(".")}" ${issue.message.replace(/^Invalid input: /, "")}`);
  }
  const fm = result.data!;

  const body = content.trim();
  if (body === "") fail("there is no article text after the front matter");

  if ((fm.image || fm.caption || fm.credit) && !fm.alt) {
    fail('front matter is missing "alt" (alt text is required whenever an image is given)');
  }
  if (fm.image && !/^(\/|https:\/\/)/.test(fm.image)) {
    fail(`"image" must be a site path starting with "/" or an https:// URL, got "${fm.image}"`);
  }

  let publishedAt: Date | undefined;
  if (fm.publishedAt !== undefined) {
    publishedAt = fm.publishedAt instanceof Date ? fm.publishedAt : new Date(fm.publishedAt);
    if (Number.isNaN(publishedAt.getTime())) fail(`"publishedAt" is not a date: "${fm.publishedAt}"`);
  }

  const authorNames = list(fm.authors ?? fm.author) ?? [defaults.author ?? "Staff"];
  return {
    slug: fm.slug ?? slugify(fm.headline),
    headline: fm.headline,
    standfirst: fm.standfirst ?? standfirstFrom(plainFirstParagraph(body)),
    bodyMarkdown: body,
    section: namedFrom(fm.section ?? defaults.section ?? "News"),
    tags: dedupe((list(fm.tags) ?? []).map(namedFrom)),
    authors: dedupe(authorNames.map(namedFrom)),
    image: fm.alt ? { path: fm.image, alt: fm.alt, caption: fm.caption, credit: fm.credit } : undefined,
    publishedAt,
    status: fm.status ?? "PUBLISHED",
    commentsClosed: fm.commentsClosed,
    redirectFrom: list(fm.redirectFrom),
  };
}

/** A YAML list, or one string with comma-separated items ("tags: housing, transport"). */
function list(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : value.split(",");
  return items.map((s) => s.trim()).filter(Boolean);
}

function dedupe<T extends { slug: string }>(items: T[]): T[] {
  return items.filter((item, i) => items.findIndex((other) => other.slug === item.slug) === i);
}

/** The first prose paragraph with inline Markdown removed, for a standfirst when none is given. */
function plainFirstParagraph(markdown: string): string {
  const paragraph =
    markdown.split(/\n\s*\n/).find((p) => !/^\s*(#|>|[-*+]\s|\d+[.)]\s|!\[|```|<)/.test(p)) ?? markdown;
  return paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
