// How much inline Markdown (emphasis, code, links) a comment holds, found by a linear scanner. The
// Markdown parser resolves emphasis, code spans and link labels by looking back over every open
// delimiter of a paragraph, so its time grows with the square of their number: a 5,000-character body
// of `*_*_…`, `[[[…` or backtick runs took one to three seconds to render, on every uncached view.
// Bodies past either limit are refused when written and, when already stored (older or imported
// rows), shown as plain text. No imports: the comment schema, shared with client forms, uses it.

/** The deepest emphasis, code and links may nest, as the scanner counts it. */
const COMMENT_INLINE_DEPTH_LIMIT = 8;
/**
 * The most inline-markup characters (`* _ ~ \` [ ] < & \`) a comment may hold; far more than prose
 * uses, few enough that the parser's worst case stays in milliseconds (scripts/bench-comment-markdown.ts).
 */
export const COMMENT_INLINE_MARK_LIMIT = 250;

const MARKS = new Set(["*", "_", "~", "`", "[", "]", "<", "&", "\\"]);
const WHITESPACE = /\s/;
/** Leading whitespace, `>` and bullet markers (`*`, `-`, `+` before a space or the line's end). */
const BLOCK_MARKERS = /(?:[ \t]|>|[*+-](?=[ \t]|\r?\n|$))*/y;
const PUNCTUATION = /[\p{P}\p{S}]/u;

type Opener = { char: string; length: number };

type InlineMarkup = { depth: number; marks: number };

/**
 * The deepest nesting of open inline delimiters (an approximation of CommonMark's rules that errs on
 * the side of counting: openers never closed count too) and the number of markup characters.
 */
function inlineMarkup(source: string): InlineMarkup {
  let marks = 0;
  let depth = 0;
  const stack: Opener[] = [];
  const closeTo = (char: string, length = 0) => {
    for (let k = stack.length - 1; k >= 0; k--)
      if (stack[k].char === char && (length === 0 || stack[k].length === length)) {
        stack.length = k;
        return true;
      }
    return false;
  };
  for (let i = 0; i < source.length;) {
    // Quote and list markers at a line's start are blocks (lib/comments/nesting.ts counts those).
    if (i === 0 || source[i - 1] === "\n") {
      BLOCK_MARKERS.lastIndex = i;
      i += BLOCK_MARKERS.exec(source)?.[0].length ?? 0;
      if (i >= source.length) break;
    }
    const c = source[i];
    if (!MARKS.has(c)) {
      // A blank line ends the paragraph, and every delimiter still open in it.
      if (c === "\n" && /^\n[ \t]*(\r?\n|$)/.test(source.slice(i, i + 80))) stack.length = 0;
      i++;
      continue;
    }
    let j = i + 1;
    if (c === "*" || c === "_" || c === "~" || c === "`") while (source[j] === c) j++;
    marks += j - i;
    if (c === "\\") j = Math.min(source.length, i + 2);
    else if (c === "[") stack.push({ char: "[", length: 1 });
    else if (c === "]") closeTo("[");
    else if (c === "`") {
      if (!closeTo("`", j - i)) stack.push({ char: "`", length: j - i });
    } else if (c === "*" || c === "_" || c === "~") {
      const before = i === 0 ? " " : source[i - 1];
      const after = j >= source.length ? " " : source[j];
      const left =
        !WHITESPACE.test(after) &&
        (!PUNCTUATION.test(after) || WHITESPACE.test(before) || PUNCTUATION.test(before));
      const right =
        !WHITESPACE.test(before) &&
        (!PUNCTUATION.test(before) || WHITESPACE.test(after) || PUNCTUATION.test(after));
      if (!(right && closeTo(c)) && left) stack.push({ char: c, length: j - i });
    }
    depth = Math.max(depth, stack.length);
    i = j;
  }
  return { depth, marks };
}

/** Whether the Markdown renderer may be given `source` (else it is shown as plain text). */
export function withinInlineLimits(source: string): boolean {
  const { depth, marks } = inlineMarkup(source);
  return depth <= COMMENT_INLINE_DEPTH_LIMIT && marks <= COMMENT_INLINE_MARK_LIMIT;
}

/** The refusal for a body past the limits, or null. */
export function inlineLimitMessage(source: string): string | null {
  const { depth, marks } = inlineMarkup(source);
  if (depth > COMMENT_INLINE_DEPTH_LIMIT)
    return `Bold, italic, code and links can be nested at most ${COMMENT_INLINE_DEPTH_LIMIT} deep.`;
  if (marks > COMMENT_INLINE_MARK_LIMIT)
    return `Comments can use at most ${COMMENT_INLINE_MARK_LIMIT} formatting characters (* _ ~ \` [ ] < & \\); this one has ${marks}.`;
  return null;
}
