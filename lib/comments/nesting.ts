// How deeply a comment nests quotes and lists, found by a line scanner instead of the Markdown parser:
// the parser and the Markdown → HTML steps recurse once per level, so a few thousand `>` or `- `
// overflow the stack, and rendering such a body took a story's comments down for every reader.
// The scanner errs on the side of counting: it may see nesting the parser would not (markers inside
// code, a three-space indent), never less. Linear in the body's length. No imports: the comment
// schema, shared with client forms, uses it.

/** The deepest quotes and lists may nest in a comment. */
export const COMMENT_NESTING_LIMIT = 8;

const SPACE = 32;
const TAB = 9;

/** A list marker must be followed by a space, a tab or the end of the line. */
function separatedAt(line: string, at: number): boolean {
  return at >= line.length || line.charCodeAt(at) === SPACE || line.charCodeAt(at) === TAB;
}

/** The length of the block marker at `i` (`>`, a bullet, `1.` or `1)`), or 0. */
function markerAt(line: string, i: number): number {
  const c = line[i];
  if (c === ">") return 1;
  if (c === "-" || c === "*" || c === "+") return separatedAt(line, i + 1) ? 1 : 0;
  let j = i;
  while (j < line.length && j - i < 9 && line[j] >= "0" && line[j] <= "9") j++;
  if (j === i || (line[j] !== "." && line[j] !== ")")) return 0;
  return separatedAt(line, j + 1) ? j + 1 - i : 0;
}

type LineScan = {
  /** How deep the line's last marker may sit. */
  depth: number;
  /** Where the line first goes past `limit`: the start of the whitespace and marker that do. */
  cut: number;
  /** Where the last marker ends (the whitespace after it belongs to the text). */
  end: number;
};

/**
 * Walks the line's leading markers. Each marker opens at most one container; whitespace before a marker
 * can only continue list items opened on earlier lines, and each of those takes at least two columns
 * (a tab counts four), so it counts one level per two columns. The space a marker takes as its
 * separator adds nothing.
 */
function scanLine(line: string, limit: number): LineScan {
  let depth = 0;
  let cut = -1;
  let i = 0;
  let end = 0;
  let afterMarker = false;
  for (;;) {
    const start = i;
    let columns = 0;
    while (i < line.length && (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB)) {
      columns += line.charCodeAt(i) === TAB ? 4 : 1;
      i++;
    }
    const length = markerAt(line, i);
    if (length === 0) return { depth, cut, end };
    if (afterMarker && columns > 0) columns -= 1;
    depth += Math.floor(columns / 2) + 1;
    if (depth > limit && cut === -1) cut = start;
    i += length;
    end = i;
    afterMarker = true;
  }
}

function lines(source: string): string[] {
  return source.split(/\r\n?|\n/);
}

/** The deepest nesting of quotes and lists any line of `source` may reach. */
export function blockNestingDepth(source: string): number {
  let deepest = 0;
  for (const line of lines(source)) deepest = Math.max(deepest, scanLine(line, Infinity).depth);
  return deepest;
}

// Only the first marker past the limit is escaped: after it the line is paragraph text, where the rest
// are plain characters. (Escaping each one gave the parser thousands of escapes in one paragraph, which
// it reads in time that grows with their square.)
const ESCAPE = /[>*+-]|(?<=\d)[.)]/;

/**
 * `source` with nesting past `limit` flattened: on each line that goes deeper, the markers past the
 * limit are escaped into plain text ("> > x" reads "> x" inside the last quote kept), so the Markdown
 * renderer never recurses further than the limit and the reader still sees what was written.
 */
export function flattenBlockNesting(source: string, limit = COMMENT_NESTING_LIMIT): string {
  const all = lines(source);
  let changed = false;
  for (let n = 0; n < all.length; n++) {
    const line = all[n];
    const { cut, end } = scanLine(line, limit);
    if (cut === -1) continue;
    const excess = line
      .slice(cut, end)
      .trim()
      .replace(/[ \t]+/g, " ")
      .replace(ESCAPE, "\\$&");
    // The space keeps the last marker kept a marker (`-\-` would be text).
    all[n] = `${line.slice(0, cut)} ${excess}${line.slice(end)}`;
    changed = true;
  }
  return changed ? all.join("\n") : source;
}
