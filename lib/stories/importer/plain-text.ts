// The plain-text layout news pages are saved in: headline, blank line, image description, caption
// line ending in "- Source : Credit", then paragraphs separated by blank lines, then page chrome.
import { escapeMarkdown, namedFrom, slugify, standfirstFrom } from "./text";

type Defaults = { section?: string; author?: string };

/** "Caption - Source : Credit"; also "Source:", "Credit:", "Photo:", and en/em dashes. */
const CAPTION_WITH_CREDIT = /^(.*?)\s*[-–—|]\s*(?:source|credit|photo|image|picture)s?\s*:\s*(.+)$/i;
const CREDIT_ONLY = /^(?:source|credit|photo|image|picture)s?\s*:\s*(.+)$/i;

/** Lines that belong to the web page around the story, not to the story. */
const PAGE_CHROME =
  /^(?:post a comment|leave a comment|add a comment|\d+\s*comments?|comments?|share(?: this(?: article| story)?)?|advertisement|advertise with us|read more|related(?: articles| stories)?|subscribe|sign up|follow us)$/i;

export function fromPlainText(text: string, defaults: Defaults, fail: (problem: string) => never): unknown {
  const blocks = text
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);

  const headlineBlock = blocks.shift()!;
  const headline = headlineBlock.shift()!;
  if (headline.length > 200) fail("line 1 should be the headline but is over 200 characters long");
  // Some saves drop the blank line after the headline: the image lines then follow directly.
  if (headlineBlock.length > 0) blocks.unshift(headlineBlock);

  let image: { alt: string; caption?: string; credit: string } | undefined;
  const first = blocks[0];
  const captionAt = first ? first.findIndex((l) => CAPTION_WITH_CREDIT.test(l) || CREDIT_ONLY.test(l)) : -1;
  if (captionAt >= 0 && captionAt <= 1 && first.length === captionAt + 1) {
    if (captionAt === 0) fail("the caption line has no image description above it (needed as alt text)");
    const line = first[captionAt];
    const match = CAPTION_WITH_CREDIT.exec(line) ?? CREDIT_ONLY.exec(line)!;
    const caption = match.length === 3 ? match[1].trim() : "";
    image = {
      alt: first[0],
      caption: caption || undefined,
      credit: match[match.length - 1].trim(),
    };
    blocks.shift();
  }

  // Chrome is dropped from the end only, except "Advertisement" which is never story text.
  while (blocks.length > 0 && blocks[blocks.length - 1].every((l) => PAGE_CHROME.test(l))) blocks.pop();
  const paragraphs = blocks
    .filter((lines) => !lines.every((l) => /^advertisement$/i.test(l)))
    .map((lines) => lines.join(" "));
  if (paragraphs.length === 0) {
    fail(image ? "no body paragraphs after the caption line" : "no body paragraphs after the headline");
  }

  return {
    slug: slugify(headline),
    headline,
    standfirst: standfirstFrom(paragraphs[0]),
    bodyMarkdown: paragraphs.map(escapeMarkdown).join("\n\n"),
    section: namedFrom(defaults.section ?? "News"),
    tags: [],
    authors: [namedFrom(defaults.author ?? "Staff")],
    image,
    status: "PUBLISHED",
  };
}
