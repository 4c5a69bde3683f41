// Opaque keyset cursors for paginated listings. A cursor names one story's position in the
// (publishedAt desc, id desc) order, so a page costs one index range scan however deep it is.
// Listing pages carry it in the path (/sections/city/page/<cursor>: the stories older than it), so
// every page is a plain cacheable URL.

export type Cursor = { publishedAt: Date; id: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.publishedAt.getTime()}.${c.id}`, "utf8").toString("base64url");
}

/** The cursor in a URL segment or query-string value, or null for anything that is not one we issued. */
export function decodeCursor(raw: unknown): Cursor | null {
  if (typeof raw !== "string" || !BASE64URL.test(raw)) return null;
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.(.+)$/.exec(text);
  if (!match || !ID.test(match[2])) return null;
  const publishedAt = new Date(Number(match[1]));
  if (Number.isNaN(publishedAt.getTime())) return null;
  return { publishedAt, id: match[2] };
}

export type LegacyCursor = { direction: "before" | "after"; cursor: Cursor; raw: string };

/**
 * The cursor an old `?before=` / `?after=` listing URL carried, for its redirect to the path form:
 * null when it has none, "invalid" when it is not one we issue (garbage, repeated, or both at once).
 */
export function legacyCursorFrom(params: URLSearchParams): LegacyCursor | "invalid" | null {
  const before = params.getAll("before");
  const after = params.getAll("after");
  if (before.length + after.length === 0) return null;
  if (before.length + after.length > 1) return "invalid";
  const direction = before.length ? "before" : "after";
  const raw = before[0] ?? after[0];
  const cursor = decodeCursor(raw);
  return cursor ? { direction, cursor, raw } : "invalid";
}
