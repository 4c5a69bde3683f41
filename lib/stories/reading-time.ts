// Reading time for a Markdown body, shown as "4 min read" under the byline.

/** Adult silent reading of non-fiction runs at roughly 230 words a minute. */
export const WORDS_PER_MINUTE = 230;

/** Counts words in Markdown, ignoring link targets, image syntax and formatting marks. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ") // images are looked at, not read
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // keep a link's words, drop its URL
    .replace(/<[^>]*>/g, " ")
    .replace(/[#>*_`~|[\]-]+/g, " ");
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes, never less than one: a story always takes some time to read. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / WORDS_PER_MINUTE));
}

export function readingTimeLabel(markdown: string): string {
  return `${readingMinutes(markdown)} min read`;
}
