// Draws the demo hero images and author avatars from SVG (no text, no fonts, no downloads) into
// public/images/demo. Deterministic: a slug always gives the same picture. Run after editing
// content/demo: `npx tsx scripts/generate-demo-images.ts`.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { parseArticleFile } from "../lib/stories/importer/parse";
import { MOTIFS, type Scene } from "./lib/demo-motifs";

const ROOT = path.resolve(__dirname, "..");
const DEMO = path.join(ROOT, "content", "demo");
const PUBLIC = path.join(ROOT, "public");
const MAX_BYTES = 120 * 1024;

/** mulberry32: tiny, seedable, good enough for placing shapes. */
function randomFor(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeJpeg(svg: string, file: string, size: { width: number; height: number }) {
  // Step the quality down only if a busy picture would blow the page-weight budget.
  for (let quality = 78; quality >= 50; quality -= 6) {
    const jpeg = await sharp(Buffer.from(svg))
      .resize(size.width, size.height)
      .jpeg({ quality, mozjpeg: true, progressive: true })
      .toBuffer();
    if (jpeg.length <= MAX_BYTES || quality - 6 < 50) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, jpeg);
      return jpeg.length;
    }
  }
  return 0;
}

function avatarSvg(slug: string, index: number): string {
  const rnd = randomFor(slug);
  // Spread the authors round the colour wheel so no two bylines look alike.
  const hue = Math.floor(index * 137 + rnd() * 30) % 360;
  const hsl = (dh: number, s: number, l: number) => `hsl(${(hue + dh) % 360} ${s}% ${l}%)`;
  const dots = Array.from({ length: 5 }, () => {
    const r = 10 + rnd() * 26;
    return `<circle cx="${rnd() * 256}" cy="${rnd() * 120}" r="${r}" fill="${hsl(40 + rnd() * 60, 60, 75)}" opacity="0.35"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${hsl(0, 55, 62)}"/><stop offset="1" stop-color="${hsl(30, 50, 32)}"/>
  </linearGradient></defs>
  <rect width="256" height="256" fill="url(#bg)"/>${dots}
  <circle cx="128" cy="104" r="46" fill="${hsl(180, 25, 90)}" opacity="0.9"/>
  <ellipse cx="128" cy="250" rx="92" ry="82" fill="${hsl(180, 25, 90)}" opacity="0.9"/>
</svg>`;
}

async function main() {
  let total = 0;
  for (const file of readdirSync(DEMO)
    .filter((f) => f.endsWith(".md"))
    .sort()) {
    const article = parseArticleFile(file, readFileSync(path.join(DEMO, file), "utf8"));
    const target = article.image?.path;
    if (!target?.startsWith("/images/demo/")) continue;
    const motif = MOTIFS[article.slug];
    if (!motif) throw new Error(`${file}: no motif for "${article.slug}" in scripts/lib/demo-motifs.ts`);
    const scene: Scene = { rnd: randomFor(article.slug), w: 1600, h: 900 };
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">${motif(scene)}</svg>`;
    const bytes = await writeJpeg(svg, path.join(PUBLIC, target), { width: 1600, height: 900 });
    total += bytes;
    console.log(`${target}  ${(bytes / 1024).toFixed(0)} kB`);
  }

  const authors = JSON.parse(readFileSync(path.join(DEMO, "authors.json"), "utf8")) as {
    slug: string;
    avatar: string;
  }[];
  for (const [i, author] of authors.entries()) {
    const bytes = await writeJpeg(avatarSvg(author.slug, i), path.join(PUBLIC, author.avatar), {
      width: 256,
      height: 256,
    });
    total += bytes;
    console.log(`${author.avatar}  ${(bytes / 1024).toFixed(0)} kB`);
  }
  console.log(`Total ${(total / 1024).toFixed(0)} kB`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
