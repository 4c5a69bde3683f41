import type { Page } from "@playwright/test";

/**
 * Relative luminance (0 black … 1 white) of what the page paints behind its text: the body's
 * background, or the root's when the body is transparent. Colours go through a canvas because
 * Tailwind v4 declares them in oklch(), which getComputedStyle reports as written.
 */
export async function pageBackgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgba = (colour: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, 1, 1);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data);
    };
    const body = rgba(getComputedStyle(document.body).backgroundColor);
    const [r, g, b, a] =
      body[3] > 0 ? body : rgba(getComputedStyle(document.documentElement).backgroundColor);
    if (a === 0) throw new Error("neither <body> nor <html> paints a background colour");
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}
