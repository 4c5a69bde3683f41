// Opaque keyset cursors for paginated listings. A cursor names one story's position in the
// (publishedAt desc, id desc) order, so a page costs one index range scan however deep it is.

export type Cursor = { publishedAt: Date; id: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.publishedAt.getTime()}.${c.id}`, "utf8").toString("base64url");
}

/** The cursor in a query-string value, or null for anything that is not one we issued. */
export function decodeCursor(raw: unknown): Cursor | null {
  if (typeof raw !== "string" || !BASE64URL.test(raw)) return null;
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.(.+)$/.exec(text);
  if (!match || !ID.test(match[2])) return null;
  const publishedAt = new Date(Number(match[1]));
  if (Number.isNaN(publishedAt.getTime())) return null;
  return { publishedAt, id: match[2] };
}

export type PageRequest = { before?: string; after?: string };

/**
 * Reads `?before=` / `?after=` from a page's searchParams. "invalid" means a cursor was given but is
 * not one we issue (garbage, repeated, or both directions at once): the page answers 404.
 */
export function pageRequestFrom(
  params: Record<string, string | string[] | undefined>,
): PageRequest | "invalid" {
  const { before, after } = params;
  if (before === undefined && after === undefined) return {};
  if (before !== undefined && after !== undefined) return "invalid";
  const value = before ?? after;
  if (typeof value !== "string" || decodeCursor(value) === null) return "invalid";
  return before !== undefined ? { before: value } : { after: value };
}
