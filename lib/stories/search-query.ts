// Turns what a reader typed into plain search terms. Raw user syntax never reaches FTS5 MATCH or
// to_tsquery: only letters, digits and combining marks survive, so quotes, *, NEAR, AND/OR/NOT,
// parentheses, -, : and column filters (headline:x) become ordinary words or vanish. Pure and
// dependency-free, so the page and the unit tests can use it as well as the DAL.

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 12;
const MAX_TERM_CHARS = 60;
/** A one-letter prefix would match most of the index. */
const MIN_PREFIX_CHARS = 2;

// PostgreSQL's english.stop, word for word. PostgreSQL drops these from its index, so they are
// dropped from every query on both databases: a query means the same thing on either.
const STOPWORDS = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers " +
    "herself it its itself they them their theirs themselves what which who whom this that these those am is " +
    "are was were be been being have has had having do does did doing a an the and but if or because as until " +
    "while of at by for with about against between into through during before after above below to from up " +
    "down in out on off over under again further then once here there when where why how all any both each " +
    "few more most other some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

/**
 * Latin letters with diacritics and their base letters, exactly as FTS5's
 * `unicode61 remove_diacritics 2` folds them (checked character by character against SQLite):
 * those whose canonical decomposition is an ASCII letter plus combining marks, except Ǡ/ǡ, plus
 * the long s. ø, ł, æ and ß have no decomposition and stay as they are on both databases. The
 * PostgreSQL migration's translate() table is this list (a unit test checks).
 */
export const LATIN_FOLDS: readonly (readonly [string, string])[] = (() => {
  const pairs: [string, string][] = [
    ["ſ", "s"],
    ["ẛ", "s"],
  ];
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ]) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const d = ch.normalize("NFD");
      if (d.length > 1 && /^[A-Za-z]\p{M}+$/u.test(d) && !"Ǡǡ".includes(ch)) pairs.push([ch, d[0]]);
    }
  }
  return pairs.sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!);
})();

const FOLD = new Map(LATIN_FOLDS);

/** Folds Latin diacritics the way both databases' indexes do (é → e), leaving everything else. */
export function foldLatin(text: string): string {
  let out = "";
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}

export type SearchQuery = {
  /** What the reader typed, trimmed and cut to MAX_QUERY_CHARS: echoed back on the page. */
  text: string;
  /** Lower-cased, accent-folded, de-duplicated words to find (all of them), at most MAX_TERMS. */
  terms: string[];
  /** Whether the last term also matches longer words ("harb" finds "harbour"). */
  prefix: boolean;
  /** The input was cut: too many characters, too many words or an over-long word. */
  shortened: boolean;
  /** Common words that were left out. */
  ignored: string[];
};

/** Accepts whatever a search param holds (string, array, undefined) and never throws. */
export function parseSearchQuery(input: unknown): SearchQuery {
  const raw = typeof input === "string" ? input : Array.isArray(input) ? String(input[0] ?? "") : "";
  // Measure in code points so a cut never splits a surrogate pair.
  const chars = Array.from(raw.normalize("NFC").trim());
  let shortened = chars.length > MAX_QUERY_CHARS;
  const text = chars.slice(0, MAX_QUERY_CHARS).join("").trim();

  const words = foldLatin(text.toLowerCase())
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
  const terms: string[] = [];
  const ignored: string[] = [];
  for (const word of words) {
    if (STOPWORDS.has(word)) {
      if (!ignored.includes(word)) ignored.push(word);
    } else if (Array.from(word).length > MAX_TERM_CHARS) {
      shortened = true;
    } else if (!terms.includes(word)) {
      terms.push(word);
    }
  }
  if (terms.length > MAX_TERMS) shortened = true;
  const kept = terms.slice(0, MAX_TERMS);
  const last = kept.at(-1);
  return {
    text,
    terms: kept,
    prefix: last !== undefined && Array.from(last).length >= MIN_PREFIX_CHARS,
    shortened,
    ignored,
  };
}

/**
 * An FTS5 MATCH expression: every term quoted (so it is a plain word whatever it spells), all
 * required, restricted to the searchable columns. null when there is nothing to search for.
 */
export function toFts5Match(q: SearchQuery): string | null {
  if (q.terms.length === 0) return null;
  const phrases = q.terms.map((t, i) => {
    const quoted = `"${t.replace(/"/g, '""')}"`;
    return q.prefix && i === q.terms.length - 1 ? `${quoted}*` : quoted;
  });
  return `{headline standfirst body} : (${phrases.join(" ")})`;
}

/**
 * A to_tsquery() input: terms joined by &, the last with :* for a prefix. Terms hold only letters,
 * digits and marks, none of which is tsquery syntax. null when there is nothing to search for.
 */
export function toTsQuery(q: SearchQuery): string | null {
  if (q.terms.length === 0) return null;
  return q.terms.map((t, i) => (q.prefix && i === q.terms.length - 1 ? `${t}:*` : t)).join(" & ");
}

/** Deeper pages than this are not offered: nobody reads result 1,001, but a crawler might ask. */
export const MAX_SEARCH_PAGE = 50;

/** `?page=`: a whole number from 1 to MAX_SEARCH_PAGE; anything else is page 1. */
export function parseSearchPage(input: unknown): number {
  const raw = Array.isArray(input) ? input[0] : input;
  if (typeof raw !== "string" || !/^\d{1,6}$/.test(raw)) return 1;
  return Math.min(Math.max(1, Number(raw)), MAX_SEARCH_PAGE);
}
