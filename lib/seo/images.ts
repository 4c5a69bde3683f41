// Hero images that live under public/: their size for feed enclosures and their bytes for the
// generated Open Graph image. Paths come from the database, so they are confined to public/.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { imageTypeOf, type ImageFile } from "./feed";

const PUBLIC_DIR = path.join(process.cwd(), "public");

/** The file behind a site path such as "/images/demo/x.jpg", or null when it is not ours. */
export function publicFile(sitePath: string, root: string = PUBLIC_DIR): string | null {
  if (!sitePath.startsWith("/") || sitePath.startsWith("//")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(sitePath.replace(/[?#].*$/, ""));
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${decoded}`);
  return file.startsWith(root + path.sep) ? file : null;
}

async function localImageFile(sitePath: string, root?: string): Promise<ImageFile | null> {
  const file = publicFile(sitePath, root);
  if (!file) return null;
  try {
    // Confined to public/ by publicFile(); without the hint the bundler traces the whole project.
    const info = await stat(/*turbopackIgnore: true*/ file);
    return info.isFile() ? { length: info.size, type: imageTypeOf(file) } : null;
  } catch {
    return null;
  }
}

/** Sizes of the distinct local images among `sitePaths`. */
export async function localImageFiles(sitePaths: string[], root?: string): Promise<Map<string, ImageFile>> {
  const unique = [...new Set(sitePaths)];
  const found = await Promise.all(unique.map(async (p) => [p, await localImageFile(p, root)] as const));
  return new Map(found.filter((e): e is [string, ImageFile] => e[1] !== null));
}

/** A local image as a data URL, for renderers that must not fetch (next/og). */
export async function localImageDataUrl(sitePath: string, root?: string): Promise<string | null> {
  const file = publicFile(sitePath, root);
  if (!file) return null;
  try {
    const data = await readFile(/*turbopackIgnore: true*/ file);
    return `data:${imageTypeOf(file)};base64,${data.toString("base64")}`;
  } catch {
    return null;
  }
}
