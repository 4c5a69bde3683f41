// The in-memory answers behind proxy.ts (lib/stories/dal/reader-route-cache.ts): bounded, short-lived, shared
// by concurrent callers, and never keeping a failed lookup.
import { createVerdictCache, processWide } from "@/lib/stories/dal/reader-route-cache";

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createVerdictCache", () => {
  it("answers from memory until the entry expires", async () => {
    const c = clock();
    const cache = createVerdictCache<string>({ maxEntries: 10, ttlMs: 100, now: c.now });
    let loads = 0;
    const load = async () => `answer ${++loads}`;
    expect(await cache.get("/a", load)).toBe("answer 1");
    c.advance(99);
    expect(await cache.get("/a", load)).toBe("answer 1");
    c.advance(1);
    expect(await cache.get("/a", load)).toBe("answer 2");
  });

  it("shares one lookup between concurrent callers", async () => {
    const cache = createVerdictCache<number>({ maxEntries: 10, ttlMs: 1000 });
    let loads = 0;
    const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 5));
    expect(await Promise.all([cache.get("/a", load), cache.get("/a", load)])).toEqual([1, 1]);
  });

  it("forgets the least recently used entry beyond its bound", async () => {
    const cache = createVerdictCache<string>({ maxEntries: 2, ttlMs: 1000 });
    const loads: string[] = [];
    const load = (k: string) => async () => (loads.push(k), k);
    await cache.get("/a", load("a"));
    await cache.get("/b", load("b"));
    await cache.get("/a", load("a")); // a is now the most recent
    await cache.get("/c", load("c")); // evicts b
    expect(cache.size).toBe(2);
    await cache.get("/a", load("a"));
    await cache.get("/b", load("b"));
    expect(loads).toEqual(["a", "b", "c", "b"]);
  });

  it("does not keep a failed lookup, and clear() forgets everything", async () => {
    const cache = createVerdictCache<string>({ maxEntries: 10, ttlMs: 1000 });
    await expect(cache.get("/a", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    await Promise.resolve();
    expect(await cache.get("/a", async () => "ok")).toBe("ok");
    cache.clear();
    expect(cache.size).toBe(0);
    expect(await cache.get("/a", async () => "fresh")).toBe("fresh");
  });
});

describe("processWide", () => {
  it("hands every caller in the process the same object", () => {
    const first = processWide("test-shared", () => ({ n: 1 }));
    const second = processWide("test-shared", () => ({ n: 2 }));
    expect(second).toBe(first);
  });
});
