import { readFileSync } from "node:fs";
import path from "node:path";
import { drawableText, GEIST_RANGES, hasGlyph } from "@/lib/seo/og-text";

/** The code points a TrueType font maps (cmap formats 4 and 12), read straight from the file. */
function fontCodePoints(file: string): Set<number> {
  const b = readFileSync(file);
  const tables = b.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++)
    if (b.toString("ascii", 12 + 16 * i, 16 + 16 * i) === "cmap") cmap = b.readUInt32BE(20 + 16 * i);
  const points = new Set<number>();
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const sub = cmap + b.readUInt32BE(cmap + 8 + 8 * i);
    const format = b.readUInt16BE(sub);
    if (format === 4) {
      const segs = b.readUInt16BE(sub + 6) / 2;
      for (let s = 0; s < segs; s++) {
        const end = b.readUInt16BE(sub + 14 + 2 * s);
        const start = b.readUInt16BE(sub + 16 + 2 * segs + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) points.add(c);
      }
    } else if (format === 12) {
      for (let g = 0; g < b.readUInt32BE(sub + 12); g++) {
        for (let c = b.readUInt32BE(sub + 16 + 12 * g); c <= b.readUInt32BE(sub + 20 + 12 * g); c++)
          points.add(c);
      }
    }
  }
  return points;
}

describe("drawableText", () => {
  it("matches the font next/og actually bundles", () => {
    const font = path.join(
      path.dirname(require.resolve("next/package.json")),
      "dist/compiled/@vercel/og/Geist-Regular.ttf",
    );
    const inFont = fontCodePoints(font);
    for (const c of inFont)
      if (c >= 0x20) expect([c.toString(16), hasGlyph(c)]).toEqual([c.toString(16), true]);
    const listed = GEIST_RANGES.split(" ").flatMap((r) => {
      const [a, z = a] = r.split("-").map((h) => parseInt(h, 16));
      return Array.from({ length: z - a + 1 }, (_, i) => a + i);
    });
    expect(listed.filter((c) => !inFont.has(c))).toEqual([]);
  });

  it("keeps what the font can draw", () => {
    expect(drawableText("Ferry fares frozen — “again” at €2")).toBe("Ferry fares frozen — “again” at €2");
    expect(drawableText("Zürich, Łódź and Ærøskøbing")).toBe("Zürich, Łódź and Ærøskøbing");
  });

  it("drops what would make next/og fetch a font or an emoji", () => {
    expect(drawableText("Harbour 🌊 festival")).toBe("Harbour festival");
    expect(drawableText("港口 news")).toBe("news");
    expect(drawableText("Tide\u2011table\u00a0update\nnow")).toBe("Tide-table update now");
  });
});
