// Turns one article file into a validated ArticleInput. Pure: no file system, no database, so the
// CLI, the seed and the tests all share it. Two formats: Markdown with YAML front matter (.md) and the
// plain-text layout news pages are usually saved in (.txt).
import matter from "gray-matter";
import { z } from "zod";
import { fromFrontMatter } from "./front-matter";
import { fromPlainText } from "./plain-text";

export { slugify, standfirstFrom } from "./text";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugSchema = z.string().max(80).regex(SLUG, "must be lowercase letters, digits and single hyphens");

const named = z.object({ name: z.string().trim().min(1), slug: slugSchema });

export const articleInputSchema = z.object({
  slug: slugSchema,
  headline: z.string().trim().min(1).max(300),
  standfirst: z.string().trim().min(1).max(400),
  bodyMarkdown: z.string().trim().min(1),
  section: named,
  tags: z.array(named),
  authors: z.array(named).min(1),
  /** A hero without `path` is an "imageless hero": the source described a picture we do not have. */
  image: z
    .object({
      path: z.string().min(1).optional(),
      alt: z.string().trim().min(1),
      caption: z.string().trim().min(1).optional(),
      credit: z.string().trim().min(1).optional(),
    })
    .optional(),
  publishedAt: z.date().optional(),
  status: z.enum(["DRAFT", "PUBLISHED"]),
  commentsClosed: z.boolean().optional(),
  /** Former slugs of this article; each becomes an ArticleRedirect. */
  redirectFrom: z.array(slugSchema).optional(),
});

export type ArticleInput = z.infer<typeof articleInputSchema>;
export type ImportDefaults = { section?: string; author?: string };

export class ImportError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "ImportError";
  }
}

export function parseArticleFile(
  fileName: string,
  text: string,
  defaults: ImportDefaults = {},
): ArticleInput {
  const fail = (problem: string): never => {
    throw new ImportError(fileName, problem);
  };
  // U+FFFD is what a UTF-8 decode leaves behind for bytes that are not text.
  if (/[\u0000\uFFFD]/.test(text)) fail("contains binary data, not text");
  const clean = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (clean.trim() === "") fail("file is empty");

  const ext = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase() ?? "";
  let draft: unknown;
  if (ext === ".md" || ext === ".markdown") draft = fromMarkdown(clean, defaults, fail);
  else if (ext === ".txt") draft = fromPlainText(clean, defaults, fail);
  else fail(`unsupported file type "${ext || "(none)"}" (expected .md or .txt)`);

  const result = articleInputSchema.safeParse(draft);
  if (!result.success) {
    const issue = result.error.issues[0];
    fail(`"${issue.path.join(".")}" ${issue.message}`);
  }
  return result.data!;
}

function fromMarkdown(text: string, defaults: ImportDefaults, fail: (p: string) => never): unknown {
  const lines = text.split("\n");
  if (lines[0].trim() !== "---") fail("no front matter (the file must start with a --- line)");
  if (!lines.slice(1).some((l) => l.trim() === "---"))
    fail("front matter is not closed (no second --- line)");

  let parsed: { data: Record<string, unknown>; content: string };
  try {
    // Passing options turns off gray-matter's cache, which hands out shared, mutable results.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    // The YAML gray-matter parses starts after the first "---" (file line 1), so its 0-based line
    // index is one less than the 1-based line number of the file.
    fail(`front matter is not valid YAML${mark?.line !== undefined ? ` (line ${mark.line + 1})` : ""}`);
  }
  return fromFrontMatter(parsed!.data ?? {}, parsed!.content, defaults, fail);
}
