import { execFileSync } from "node:child_process";
import { SERVER_HEAP_MB, serverMemoryEnv } from "../../scripts/lib/server-memory";

// What V8 adds to --max-old-space-size in heap_size_limit, with room: at most 192 MB on Node 20–24.
const YOUNG_GENERATION_MB = 256;

type Seen = { heapLimitMb: number; arenas: string | null; mmapThreshold: string | null };

/** What a Node process started with `env` sees: V8's heap limit in MB and the malloc settings. */
function seenBy(env: Record<string, string | undefined>): Seen {
  const out = execFileSync(
    process.execPath,
    [
      "-e",
      `const v8 = require("node:v8");
       process.stdout.write(JSON.stringify({
         heapLimitMb: v8.getHeapStatistics().heap_size_limit / 1048576,
         arenas: process.env.MALLOC_ARENA_MAX ?? null,
         mmapThreshold: process.env.MALLOC_MMAP_THRESHOLD_ ?? null,
       }));`,
    ],
    { env: { NODE_ENV: "test", PATH: process.env.PATH, ...env }, encoding: "utf8" },
  );
  return JSON.parse(out) as Seen;
}

describe("serverMemoryEnv", () => {
  it("gives next start a 1 GB heap, two malloc arenas and a fixed mmap threshold, and keeps the rest of the environment", () => {
    const env = serverMemoryEnv({ DATABASE_URL: "file:./x.db" });
    expect(env.DATABASE_URL).toBe("file:./x.db");
    const seen = seenBy(env);
    // heap_size_limit is the old generation plus the young one: 1,072 MB seen on Node 20 and 22,
    // 1,216 MB on Node 24 (larger semi-spaces); without the flag it is about 4,144 MB on these machines.
    expect(seen.heapLimitMb).toBeGreaterThanOrEqual(SERVER_HEAP_MB);
    expect(seen.heapLimitMb).toBeLessThan(SERVER_HEAP_MB + YOUNG_GENERATION_MB);
    expect(seen.arenas).toBe("2");
    expect(seen.mmapThreshold).toBe("131072");
  });

  it("adds the heap limit to the operator's other NODE_OPTIONS", () => {
    const env = serverMemoryEnv({ NODE_OPTIONS: "--enable-source-maps" });
    expect(env.NODE_OPTIONS).toBe(`--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB}`);
    expect(seenBy(env).heapLimitMb).toBeLessThan(SERVER_HEAP_MB + YOUNG_GENERATION_MB);
  });

  it("keeps an operator's own heap limit and malloc settings", () => {
    const env = serverMemoryEnv({
      NODE_OPTIONS: "--max_old_space_size=2048",
      MALLOC_ARENA_MAX: "4",
      MALLOC_MMAP_THRESHOLD_: "65536",
    });
    expect(env.NODE_OPTIONS).toBe("--max_old_space_size=2048");
    const seen = seenBy(env);
    expect(seen.heapLimitMb).toBeGreaterThanOrEqual(2048);
    expect(seen.arenas).toBe("4");
    expect(seen.mmapThreshold).toBe("65536");
  });
});
