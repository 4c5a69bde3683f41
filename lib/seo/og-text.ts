// next/og draws text with its bundled Geist Regular. For a character that font lacks it downloads a
// font or an emoji from the internet, and this site must never fetch at run time, so headlines are
// cut down to the characters Geist has before they reach ImageResponse.

/** Code points of next/og's Geist-Regular.ttf (cmap), kept honest by __tests__/unit/seo-og-text.test.ts. */
export const GEIST_RANGES =
  "20-7e a0-ac ae-113 116-12b 12e-137 139-13e 141-148 14a-14d 150-17e 18f 192 1a0-1a1 1af-1b0 1cd-1ce " +
  "1e4-1e9 218-21b 237 259 2b9 2bc 2c6-2c8 2d8-2dd 300-304 306-30c 312 31b 323 326-328 335-338 39b 3a9 " +
  "3bb-3bc 3c0 3c9 400-45f 462-463 46a-46b 472-475 490-493 496-497 49a-49b 4a2-4a3 4ae-4b3 4b6-4b7 " +
  "4ba-4bb 4c0 4cf 4d8-4d9 4e2-4e3 4e8-4e9 4ee-4ef e3f 1e20-1e21 1e80-1e85 1e9e 1ea0-1ef9 2013-2014 " +
  "2018-201a 201c-201e 2020-2022 2026 2030 2032-2033 2039-203a 2044 2070 2074-2079 2080-2089 20aa 20ac " +
  "20b1 20b4 20b9 20bd 2116-2117 2122 2153-2155 215b-215e 2190-2199 219d 21a9-21aa 21b0-21b1 21b3-21b5 " +
  "21e4-21e5 21e7 2202 2206 220f 2211-2212 221a 221e 222b 2236 2248 2260 2264-2265 2460-2468 24ea 24ff " +
  "25b2-25b3 25b6-25b7 25bc-25bd 25c0-25c1 25ca-25cc 25cf 2639-263a 2776-277e 3003 301c a78b-a78c f8ff " +
  "fb01-fb02";

const ranges: [number, number][] = GEIST_RANGES.split(" ").map((r) => {
  const [a, z = a] = r.split("-");
  return [parseInt(a, 16), parseInt(z, 16)];
});

export function hasGlyph(codePoint: number): boolean {
  return ranges.some(([a, z]) => codePoint >= a && codePoint <= z);
}

// Look-alikes for common characters the font lacks (non-breaking and figure hyphens, narrow spaces).
const SUBSTITUTES: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "\u2013",
  "\u2015": "\u2014",
  "\u00ad": "",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
  "\u2007": " ",
};

/** `text` with only characters the bundled font can draw; accents it lacks fall back to the base letter. */
export function drawableText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (ch in SUBSTITUTES) out += SUBSTITUTES[ch];
    else if (/\s/.test(ch)) out += " ";
    else if (hasGlyph(ch.codePointAt(0)!)) out += ch;
    else {
      const base = [...ch.normalize("NFD")].filter((c) => hasGlyph(c.codePointAt(0)!) && !/\p{M}/u.test(c));
      out += base.join("");
    }
  }
  return out.replace(/ {2,}/g, " ").trim();
}
