// Word and phrase matching for the suspect and banned lists. Whole words only, so "Scunthorpe" does not
// trip on a four-letter word inside it; case- and accent-insensitive, so "CAFÉ" matches "cafe". Both the
// list and the text are folded the same way, then compared as sequences of word tokens.

/** Lower-case, compatibility-decomposed, diacritics stripped: "Ｃafé" → "cafe". */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

// A token is a run of letters and digits (any script); apostrophes inside a word keep it whole ("don't").
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): string[] {
  return foldText(text).replace(/’/g, "'").match(TOKEN) ?? [];
}

/**
 * One entry a line; blank lines and lines starting with # are ignored. An entry may be a phrase
 * ("free money"), matched as consecutive words whatever punctuation or spacing sits between them.
 */
export function parseWordList(list: string): string[][] {
  const entries: string[][] = [];
  const seen = new Set<string>();
  for (const line of list.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#")) continue;
    const tokens = tokenize(trimmed);
    const key = tokens.join(" ");
    if (tokens.length === 0 || seen.has(key)) continue;
    seen.add(key);
    entries.push(tokens);
  }
  return entries;
}

/** The first entry of `list` found in `text` as whole words, as written in the list (folded), or null. */
export function findListedWord(text: string, list: string | string[][]): string | null {
  const entries = typeof list === "string" ? parseWordList(list) : list;
  if (entries.length === 0) return null;
  const tokens = tokenize(text);
  for (const entry of entries) {
    for (let i = 0; i + entry.length <= tokens.length; i++) {
      if (entry.every((word, j) => tokens[i + j] === word)) return entry.join(" ");
    }
  }
  return null;
}

// Bare domains count too ("visit spam.example"), since that is how link spam dodges a scheme check.
const LINK =
  /\bhttps?:\/\/[^\s<>()]+|\bwww\.[^\s<>()]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|ru|xyz|top|club|online|site|shop|app|link|ly|me)\b(?:\/[^\s<>()]*)?/gi;

/** How many links a comment body carries (Markdown links count once per URL). */
export function countLinks(body: string): number {
  return body.match(LINK)?.length ?? 0;
}
