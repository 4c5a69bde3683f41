// Word and phrase matching for the suspect and banned lists. Whole words only, so "Scunthorpe" does not
// trip on a four-letter word inside it; case- and accent-insensitive, so "CAFÉ" matches "cafe". Both the
// list and the text are folded the same way, then compared as sequences of word tokens.
//
// The comparison also sees through the usual disguises, each only as a whole word: look-alike letters
// from other scripts and fullwidth forms ("іdіоt", "ｉｄｉｏｔ", lib/moderation/confusables.ts), digits
// and symbols for letters ("1d10t", "$cum"; only in a token that has a letter, so "455" stays a
// number), letters spaced, dotted or dashed apart ("i d i o t", "i.d.i.o.t": three single characters or
// more in a row, so "a.m." and "U.S." stay apart), zero-width characters inside a word, and stretched
// letters ("idiooot": a letter typed three times or more counts once, so "good" does not read "god").
import { foldConfusables } from "./confusables";

/** Lower-case, compatibility-decomposed, diacritics stripped: "Ｃafé" → "cafe". */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

// A token is a run of letters and digits (any script); apostrophes inside a word keep it whole ("don't").
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function tokenize(text: string): string[] {
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

// What readers type for a letter. "1" and "|" pass for both i and l.
const LEET: Record<string, string> = {
  a: "4@",
  b: "8",
  e: "3€",
  g: "9",
  i: "1!|",
  l: "1|",
  o: "0",
  s: "5$",
  t: "7+",
};
const SYMBOLS = "@$!|+€";
const TOKEN_CHAR = `\\p{L}\\p{N}${escapeClass(SYMBOLS)}`;
// A word as typed, disguises included; apostrophes inside keep it whole, as in tokenize().
const RAW_TOKEN = new RegExp(`[${TOKEN_CHAR}]+(?:'[${TOKEN_CHAR}]+)*`, "gu");
// Three or more single characters, each apart from the next by spaces, dots, dashes and the like.
const SPACED = new RegExp(
  `(?<![${TOKEN_CHAR}'])[${TOKEN_CHAR}](?:[\\s.\\-_·•*/\\\\~,]+[${TOKEN_CHAR}](?![${TOKEN_CHAR}'])){2,}`,
  "gu",
);
const EDGE_SYMBOLS = new RegExp(`^[${escapeClass(SYMBOLS)}]+|[${escapeClass(SYMBOLS)}]+$`, "g");

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, "\\$&");
}

/** The text's words as a reader reads them, then again with spaced-out letters joined into one word. */
function textTokens(text: string): string[][] {
  const folded = foldConfusables(text).replace(/’/g, "'");
  const words = folded.match(RAW_TOKEN) ?? [];
  const joined = folded.replace(SPACED, (run) => run.replace(/[^\p{L}\p{N}@$!|+€]/gu, ""));
  return joined === folded ? [words] : [words, joined.match(RAW_TOKEN) ?? []];
}

// A loose form that every disguise of a word shares (i, l, 1, | alike, each run of a letter once): the
// index that finds a token's candidate entries, which the exact matchers then check.
const SHAPE = new Map<string, string>([["l", "i"]]);
for (const [letter, chars] of Object.entries(LEET))
  for (const c of chars) SHAPE.set(c, letter === "l" ? "i" : letter);
function shape(s: string): string {
  let out = "";
  let last = "";
  for (const c of s) {
    const mapped = SHAPE.get(c) ?? c;
    if (mapped !== last) out += mapped;
    last = mapped;
  }
  return out;
}

const isSymbol = (c: string | undefined) => c !== undefined && SYMBOLS.includes(c);

// Edge symbols may be punctuation ("moron!") or letters ("$cum"): try each split of up to three.
function shapesOf(token: string): string[] {
  if (!isSymbol(token[0]) && !isSymbol(token[token.length - 1])) return [shape(token)];
  let lead = 0;
  while (lead < 3 && isSymbol(token[lead])) lead++;
  let trail = 0;
  while (trail < 3 && trail < token.length - lead && isSymbol(token[token.length - 1 - trail])) trail++;
  const shapes = new Set<string>();
  for (let i = 0; i <= lead; i++)
    for (let j = 0; j <= trail; j++) shapes.add(shape(token.slice(i, token.length - j)));
  return [...shapes];
}

type WordMatcher = { shape: string; matches: (token: string) => boolean };

/** One word of an entry: the same letters, each possibly disguised or stretched, as the whole token. */
function wordMatcher(word: string): WordMatcher {
  const skeleton = foldConfusables(word);
  let pattern = "";
  for (const [run] of skeleton.matchAll(/(.)\1*/gsu)) {
    const [letter, ...rest] = run;
    const cls = `[${escapeClass(letter + (LEET[letter] ?? ""))}]`;
    const n = rest.length + 1;
    pattern += n >= 3 ? `${cls}{${n},}` : `(?:${cls}{${n}}|${cls}{3,})`;
  }
  const disguised = new RegExp(`^[${escapeClass(SYMBOLS)}]*${pattern}[${escapeClass(SYMBOLS)}]*$`, "u");
  return {
    shape: shape(skeleton),
    matches: (token) => {
      const bare = token.replace(EDGE_SYMBOLS, "");
      if (bare === skeleton) return true;
      // Digits stand for letters only beside a letter: "455" is a number, "a55" is not.
      return /\p{L}/u.test(bare) && disguised.test(token);
    },
  };
}

type CompiledEntry = { order: number; label: string; words: WordMatcher[] };
type CompiledList = Map<string, CompiledEntry[]>;

// decide() passes the same two lists for every comment: keep their compiled form for the next one.
const compiled = new Map<string, CompiledList>();

/** The entries, indexed by the shape of their first word. */
function compile(list: string | string[][]): CompiledList {
  const key = typeof list === "string" ? list : null;
  const cached = key === null ? undefined : compiled.get(key);
  if (cached) return cached;
  const index: CompiledList = new Map();
  (typeof list === "string" ? parseWordList(list) : list).forEach((tokens, order) => {
    const entry = { order, label: tokens.join(" "), words: tokens.map(wordMatcher) };
    const first = entry.words[0].shape;
    index.set(first, [...(index.get(first) ?? []), entry]);
  });
  if (key !== null) {
    if (compiled.size >= 8) compiled.clear();
    compiled.set(key, index);
  }
  return index;
}

/** The first entry of `list` found in `text` as whole words, as written in the list (folded), or null. */
export function findListedWord(text: string, list: string | string[][]): string | null {
  const index = compile(list);
  if (index.size === 0) return null;
  let found: CompiledEntry | null = null;
  for (const tokens of textTokens(text)) {
    for (const [i, token] of tokens.entries())
      for (const s of shapesOf(token))
        for (const entry of index.get(s) ?? []) {
          if (found && found.order <= entry.order) continue;
          const words = tokens.slice(i, i + entry.words.length);
          if (words.length === entry.words.length && entry.words.every((w, j) => w.matches(words[j])))
            found = entry;
        }
  }
  return found?.label ?? null;
}

// Bare domains count too ("visit spam.example"), since that is how link spam dodges a scheme check.
const LINK =
  /\bhttps?:\/\/[^\s<>()]+|\bwww\.[^\s<>()]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|ru|xyz|top|club|online|site|shop|app|link|ly|me)\b(?:\/[^\s<>()]*)?/gi;

/** How many links a comment body carries (Markdown links count once per URL). */
export function countLinks(body: string): number {
  return body.match(LINK)?.length ?? 0;
}
