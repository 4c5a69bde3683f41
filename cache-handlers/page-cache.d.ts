// What the tests use of ./page-cache.js; Next itself loads it as next.config.ts `cacheHandler`.
type CacheControl = { revalidate: number | false; expire?: number };

declare class PageCache {
  constructor(ctx: {
    fs?: unknown;
    serverDistDir?: string;
    flushToDisk?: boolean;
    revalidatedTags: string[];
    maxMemoryCacheSize?: number;
  });
  get(key: string, ctx: { kind: string }): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx: { cacheControl?: CacheControl }): Promise<void>;
}

export = PageCache;
