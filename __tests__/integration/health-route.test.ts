// The route itself is `await connection(); return healthResponse()`: connection() needs a request
// scope, so this tests the answer; the browser suite's server start waits on the live route.
import { healthResponse } from "@/lib/http/health-response";

describe("GET /api/health", () => {
  it('answers 200 {"db":"ok"} when the database answers', async () => {
    const res = await healthResponse();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ db: "ok" });
  });

  it('answers 503 {"warming":true} while a fresh server renders its hot routes, 200 once it has', async () => {
    // lib/http/warm-up.ts keeps this on globalThis (instrumentation and routes are separate bundles).
    const g = globalThis as unknown as { __newsroomWarmingUp?: boolean };
    g.__newsroomWarmingUp = true;
    try {
      const res = await healthResponse();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ db: "ok", warming: true, ready: false });
      g.__newsroomWarmingUp = false;
      const after = await healthResponse();
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual({ db: "ok" });
    } finally {
      delete g.__newsroomWarmingUp;
    }
  });

  it("answers 503 when the database does not", async () => {
    const saved = process.env.DATABASE_URL;
    // lib/db.ts reuses a client parked on globalThis; park the healthy one elsewhere meanwhile.
    const g = globalThis as unknown as { __newsroomDb?: { $disconnect(): Promise<void> } };
    const healthy = g.__newsroomDb;
    delete g.__newsroomDb;
    // Nothing listens on port 9: the connection is refused at once.
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:9/nothing";
    try {
      let res: Response | undefined;
      // A fresh module registry, so lib/env.ts and lib/db.ts read the broken URL.
      await jest.isolateModulesAsync(async () => {
        const route = await import("@/lib/http/health-response");
        res = await route.healthResponse();
      });
      if (!res) throw new Error("the route returned nothing");
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ db: "unavailable" });
    } finally {
      const broken = g.__newsroomDb as { $disconnect(): Promise<void> } | undefined;
      await broken?.$disconnect();
      g.__newsroomDb = healthy;
      process.env.DATABASE_URL = saved;
    }
  });
});
