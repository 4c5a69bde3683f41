// Text helpers shared by both input formats.

/** Lowercase ASCII words joined by hyphens, accents folded, at most 80 characters. */
export function slugify(text: string): string {
  const folded = text
    .replace(/[ßẞ]/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐ]/g, "d")
    .replace(/[œŒ]/g, "oe")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // "Putin's" reads better as "putins" than as "putin-s".
    .replace(/['’‘`]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (folded.length <= 80) return folded;
  const cut = folded.slice(0, 81);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : folded.slice(0, 80)).replace(/-+$/, "");
}

const ABBREVIATIONS = /(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr|No|vs|etc)\.)$/;

/** Whole leading sentences of a paragraph, at most `max` characters; falls back to a word-boundary cut. */
export function standfirstFrom(paragraph: string, max = 200): string {
  const text = paragraph.replace(/\s+/g, " ").trim();
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]["”’)]*(?=\s+["“‘(]?[A-Z0-9])/g)) {
    const end = match.index + match[0].length;
    if (ABBREVIATIONS.test(text.slice(start, match.index + 1))) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  if (start < text.length) sentences.push(text.slice(start).trim());

  let result = "";
  for (const sentence of sentences) {
    const next = result ? `${result} ${sentence}` : sentence;
    if (next.length > max) break;
    result = next;
  }
  if (result) return result;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut.slice(0, max - 1)).replace(/[\s,;:–—-]+$/, "")}…`;
}

export function namedFrom(name: string): { name: string; slug: string } {
  const clean = name.replace(/\s+/g, " ").trim();
  return { name: clean, slug: slugify(clean) };
}

/**
 * Escapes what Markdown would otherwise read as markup in plain prose: a paragraph that starts with
 * "1. " or "- " must not become a list, nor "<b>" a tag. Quotes and apostrophes are left alone.
 */
export function escapeMarkdown(paragraph: string): string {
  return paragraph
    .replace(/[\\`*_[\]<]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s)/, "$1\\$2");
}
