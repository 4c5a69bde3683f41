// Search snippets travel from the database as text with private-use marker characters around the
// matched words; here they become plain parts that the page renders as text nodes and <mark>s, so
// article text is never interpreted as HTML.

/** Private-use characters: they do not occur in prose, and neither database treats them as syntax. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export type SnippetPart = { text: string; match: boolean };

/** Markdown syntax that reads as noise in a one-line excerpt of the body. */
function tidyMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(^|\n|…)[ \t]{0,3}(#{1,6}|>+)[ \t]+/g, "$1")
    .replace(/\n[ \t]{0,3}[-+*][ \t]+/g, "\n")
    .replace(/\*{1,3}|`+|~~/g, "")
    .replace(/\s+/g, " ");
}

/** Splits a marked snippet into parts; a stray or unbalanced marker never leaks into the text. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
    text = "";
  };
  for (const ch of tidyMarkdown(marked)) {
    if (ch === MARK_START || ch === MARK_END) {
      flush();
      match = ch === MARK_START;
    } else {
      text += ch;
    }
  }
  flush();
  if (parts[0]) parts[0].text = parts[0].text.trimStart();
  const last = parts.at(-1);
  if (last) last.text = last.text.trimEnd();
  return parts.filter((p) => p.text.length > 0);
}

/**
 * PostgreSQL highlights the folded body (accents removed, punctuation blanked), so the excerpt is
 * laid back over the original text: the fold maps one character to one, so positions agree.
 * `original` is the same stretch of the unfolded body, or null when it could not be located.
 */
export function unfoldSnippet(marked: string, original: string | null): string {
  const plainLength = Array.from(marked).filter((c) => c !== MARK_START && c !== MARK_END).length;
  const source = original === null ? null : Array.from(original);
  if (!source || source.length !== plainLength) return marked;
  let i = 0;
  let out = "";
  for (const ch of marked) out += ch === MARK_START || ch === MARK_END ? ch : source[i++];
  return out;
}
