import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  foldLatin,
  LATIN_FOLDS,
  MAX_QUERY_CHARS,
  MAX_SEARCH_PAGE,
  MAX_TERMS,
  parseSearchPage,
  parseSearchQuery,
  toFts5Match,
  toTsQuery,
} from "@/lib/stories/search-query";
import { MARK_END as E, MARK_START as S, snippetParts, unfoldSnippet } from "@/lib/stories/search-snippet";

const terms = (q: unknown) => parseSearchQuery(q).terms;

describe("parseSearchQuery", () => {
  it("keeps words, lower-cased and accent-folded, and drops everything else", () => {
    expect(parseSearchQuery("  Harbour  CAFÉ  ")).toEqual({
      text: "Harbour  CAFÉ",
      terms: ["harbour", "cafe"],
      prefix: true,
      shortened: false,
      ignored: [],
    });
    expect(terms('"harbour" NEAR(ferry, 2) -quay headline:x {body}: y*')).toEqual([
      "harbour",
      "near",
      "ferry",
      "2",
      "quay",
      "headline",
      "x",
      "body",
      "y",
    ]);
    expect(terms("Ελληνικά 日本語 naïve Ñandú ø")).toEqual(["ελληνικά", "日本語", "naive", "nandu", "ø"]);
  });

  it("leaves out common words, including AND, OR and NOT, and says so", () => {
    const q = parseSearchQuery("the harbour AND the ferry OR NOT");
    expect(q.terms).toEqual(["harbour", "ferry"]);
    expect(q.ignored).toEqual(["the", "and", "or", "not"]);
    expect(terms("the")).toEqual([]);
  });

  it("returns no terms for empty, odd and non-string input", () => {
    for (const input of ["", "   ", "*", '"', "()", ":", "-", "🚢", "\u0000", undefined, null, 42, {}]) {
      expect(terms(input)).toEqual([]);
    }
    expect(terms(["harbour", "ferry"])).toEqual(["harbour"]);
  });

  it("caps the length, the number of terms and over-long words", () => {
    const long = parseSearchQuery("ab ".repeat(5000));
    expect(long.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(long).toMatchObject({ terms: ["ab"], shortened: true });
    const many = parseSearchQuery(Array.from({ length: 20 }, (_, i) => `word${i}`).join(" "));
    expect(many.terms).toHaveLength(MAX_TERMS);
    expect(many.shortened).toBe(true);
    expect(parseSearchQuery("x".repeat(61) + " harbour")).toMatchObject({
      terms: ["harbour"],
      shortened: true,
    });
    // A cut never leaves half a surrogate pair behind.
    expect(parseSearchQuery("😀".repeat(300)).text).toBe("😀".repeat(MAX_QUERY_CHARS));
  });

  it("makes only a last term of two or more characters a prefix", () => {
    expect(parseSearchQuery("harbour b").prefix).toBe(false);
    expect(parseSearchQuery("b harbour").prefix).toBe(true);
    expect(parseSearchQuery("").prefix).toBe(false);
  });
});

describe("query expressions", () => {
  it("quote every FTS5 term and restrict the columns", () => {
    expect(toFts5Match(parseSearchQuery('harbour NEAR "ferry'))).toBe(
      '{headline standfirst body} : ("harbour" "near" "ferry"*)',
    );
    expect(toFts5Match(parseSearchQuery("harbour b"))).toBe('{headline standfirst body} : ("harbour" "b")');
    expect(toFts5Match(parseSearchQuery("AND"))).toBeNull();
  });

  it("join tsquery terms with & and no other syntax", () => {
    expect(toTsQuery(parseSearchQuery("harbour & !ferry | <-> quay:*"))).toBe("harbour & ferry & quay:*");
    expect(toTsQuery(parseSearchQuery("'"))).toBeNull();
  });
});

describe("parseSearchPage", () => {
  it("accepts whole numbers from 1 to the cap, anything else is page 1", () => {
    expect(parseSearchPage("3")).toBe(3);
    expect(parseSearchPage(["2", "5"])).toBe(2);
    expect(parseSearchPage("999999")).toBe(MAX_SEARCH_PAGE);
    for (const bad of [undefined, "", "0", "-1", "1.5", "2e3", "abc", " 2", "9".repeat(20), 7]) {
      expect(parseSearchPage(bad)).toBe(1);
    }
  });
});

describe("accent folding", () => {
  it("folds as FTS5 does", () => {
    expect(foldLatin("Crème brûlée à Łódź, Ærø, Straße, ſ")).toBe("Creme brulee a Łodz, Ærø, Straße, s");
  });

  it("is the table in the PostgreSQL migration, one character to one", () => {
    const dir = path.join(__dirname, "../../prisma/postgres/migrations");
    const name = readdirSync(dir).find((n) => n.endsWith("_article_search"))!;
    const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const [, from, to] = sql.match(/translate\(input, '((?:[^']|'')*)', '([^']*)'\)/)!;
    const punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    expect(from.replace(/''/g, "'")).toBe(LATIN_FOLDS.map(([a]) => a).join("") + punctuation);
    expect(to).toBe(LATIN_FOLDS.map(([, b]) => b).join("") + " ".repeat(punctuation.length));
  });
});

describe("snippets", () => {
  it("split on the markers into text parts, tidying Markdown", () => {
    expect(snippetParts(`…## The ${S}harbour${E} **board** [met](http://x.test) ${S}today${E}…`)).toEqual([
      { text: "…The ", match: false },
      { text: "harbour", match: true },
      { text: " board met ", match: false },
      { text: "today", match: true },
      { text: "…", match: false },
    ]);
  });

  it("keep markup as text and survive unbalanced markers", () => {
    expect(snippetParts(`<b>${S}x</b>`)).toEqual([
      { text: "<b>", match: false },
      { text: "x</b>", match: true },
    ]);
    expect(snippetParts(`${E}${E}a${S}`)).toEqual([{ text: "a", match: false }]);
    expect(snippetParts("")).toEqual([]);
  });

  it("lay a folded excerpt back over the original text", () => {
    expect(unfoldSnippet(`le ${S}cafe${E} d Ete`, "le café d'Été")).toBe(`le ${S}café${E} d'Été`);
    expect(unfoldSnippet(`${S}cafe${E}`, null)).toBe(`${S}cafe${E}`);
    expect(unfoldSnippet(`${S}cafe${E}`, "too long")).toBe(`${S}cafe${E}`);
  });
});
