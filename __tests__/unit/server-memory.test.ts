import { execFileSync } from "node:child_process";
import { SERVER_HEAP_MB, serverMemoryEnv } from "../../scripts/lib/server-memory";

/** What a Node process started with `env` sees: V8's heap limit in MB and MALLOC_ARENA_MAX. */
function seenBy(env: Record<string, string | undefined>): { heapLimitMb: number; arenas: string | null } {
  const out = execFileSync(
    process.execPath,
    [
      "-e",
      `const v8 = require("node:v8");
       process.stdout.write(JSON.stringify({
         heapLimitMb: v8.getHeapStatistics().heap_size_limit / 1048576,
         arenas: process.env.MALLOC_ARENA_MAX ?? null,
       }));`,
    ],
    { env: { NODE_ENV: "test", PATH: process.env.PATH, ...env }, encoding: "utf8" },
  );
  return JSON.parse(out) as { heapLimitMb: number; arenas: string | null };
}

describe("serverMemoryEnv", () => {
  it("gives next start a 1 GB heap and two malloc arenas, and keeps the rest of the environment", () => {
    const env = serverMemoryEnv({ DATABASE_URL: "file:./x.db" });
    expect(env.DATABASE_URL).toBe("file:./x.db");
    const seen = seenBy(env);
    // heap_size_limit is the old generation plus the young one (a few tens of MB).
    expect(seen.heapLimitMb).toBeGreaterThanOrEqual(SERVER_HEAP_MB);
    expect(seen.heapLimitMb).toBeLessThan(SERVER_HEAP_MB + 128);
    expect(seen.arenas).toBe("2");
  });

  it("adds the heap limit to the operator's other NODE_OPTIONS", () => {
    const env = serverMemoryEnv({ NODE_OPTIONS: "--enable-source-maps" });
    expect(env.NODE_OPTIONS).toBe(`--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB}`);
    expect(seenBy(env).heapLimitMb).toBeLessThan(SERVER_HEAP_MB + 128);
  });

  it("keeps an operator's own heap limit and arena count", () => {
    const env = serverMemoryEnv({ NODE_OPTIONS: "--max_old_space_size=2048", MALLOC_ARENA_MAX: "4" });
    expect(env.NODE_OPTIONS).toBe("--max_old_space_size=2048");
    const seen = seenBy(env);
    expect(seen.heapLimitMb).toBeGreaterThanOrEqual(2048);
    expect(seen.arenas).toBe("4");
  });
});
