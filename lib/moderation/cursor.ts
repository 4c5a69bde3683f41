// Keyset cursors for the staff lists (queues, audit log, user search): a (createdAt, id) position in a
// newest-first order, opaque to the browser and checked on the way back in.

export type KeysetCursor = { createdAt: Date; id: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function encodeKeyset(c: KeysetCursor): string {
  return Buffer.from(`${c.createdAt.getTime()}.${c.id}`, "utf8").toString("base64url");
}

/** The cursor, or null for anything we did not issue (so a tampered URL shows the first page). */
export function decodeKeyset(raw: unknown): KeysetCursor | null {
  if (typeof raw !== "string" || !/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return null;
  const match = /^(\d{1,15})\.(.+)$/.exec(Buffer.from(raw, "base64url").toString("utf8"));
  if (!match || !ID.test(match[2])) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2] };
}

/** Prisma `where` for rows strictly after the cursor in (createdAt desc, id desc) order. */
export function olderThan(cursor: KeysetCursor | null) {
  if (!cursor) return {};
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

/** Splits a page fetched with limit + 1 rows into the page and the next cursor. */
export function pageOf<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeKeyset(last) : null };
}
