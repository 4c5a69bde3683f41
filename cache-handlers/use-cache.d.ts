// What the tests use of ./use-cache.js; Next itself loads it as next.config.ts `cacheHandlers.default`.
type Entry = {
  value: ReadableStream<Uint8Array>;
  tags: string[];
  stale: number;
  timestamp: number;
  expire: number;
  revalidate: number;
};

declare const handler: {
  get(key: string, softTags: string[]): Promise<Entry | undefined>;
  set(key: string, pending: Promise<Entry>): Promise<void>;
};

export = handler;
