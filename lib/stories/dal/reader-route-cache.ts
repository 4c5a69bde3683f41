// proxy.ts asks lib/stories/dal/reader-routes.ts about every reader URL; answering from memory keeps a
// database query off every page view. POST /api/revalidate empties it, so an import's new slug or
// redirect is answered at once on this instance; the short lifetime bounds how long another
// instance (which the importer did not tell) can answer from before the import.
import "server-only";

export type VerdictCache<T> = {
  /** The cached answer for `key`, or `load()`'s, shared by concurrent callers. */
  get(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
  readonly size: number;
};

type Entry<T> = { value: Promise<T>; expires: number };

export function createVerdictCache<T>({
  maxEntries,
  ttlMs,
  now = Date.now,
}: {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}): VerdictCache<T> {
  // A Map keeps insertion order: re-inserting on a hit makes the first key the least recently used.
  const entries = new Map<string, Entry<T>>();
  return {
    get(key, load) {
      const hit = entries.get(key);
      const t = now();
      if (hit && hit.expires > t) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const value = load();
      const entry = { value, expires: t + ttlMs };
      entries.delete(key);
      entries.set(key, entry);
      // A failed lookup is not an answer: the next request asks again.
      value.catch(() => entries.get(key) === entry && entries.delete(key));
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

/**
 * One cache per process, whichever bundle asks: Next compiles proxy.ts and the route handlers
 * separately, so a module-level variable would give each its own copy and the revalidate route
 * would empty a cache the proxy never reads.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`newsroom.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= create());
}
