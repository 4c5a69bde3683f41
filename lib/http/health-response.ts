// The answer of GET /api/health, apart from the route so tests can call it outside a request
// (the route's connection() needs one). With REDIS_URL it also says whether the shared cache answers:
// {"db":"ok","cache":"ok","ready":true}, or "cache":"unavailable" and "ready":false while Redis is
// down — still 200, since the site serves readers without it (rendering instead of reading the cache);
// a load balancer wanting every part up reads `ready`. Without REDIS_URL: {"db":"ok"}.
// While a fresh server renders its hot routes for the first time (lib/http/warm-up.ts) it answers 503
// with "warming": true (and "ready": false): send it no readers yet.
import { warmingUp } from "@/lib/http/warm-up";

const noStore = { "cache-control": "no-store" };

async function cacheState(): Promise<{ cache: "ok" | "unavailable" } | null> {
  if (!process.env.REDIS_URL) return null;
  const { redisAnswers } = await import("@/lib/redis");
  return { cache: (await redisAnswers()) ? "ok" : "unavailable" };
}

export async function healthResponse(): Promise<Response> {
  const cache = await cacheState().catch(() => ({ cache: "unavailable" as const }));
  const warming = warmingUp();
  const extra = (db: boolean) => ({
    ...(cache ? { ...cache, ready: db && cache.cache === "ok" && !warming } : {}),
    ...(warming ? { warming: true, ready: false } : {}),
  });
  try {
    // Imported lazily so a broken configuration is reported as 503, not a crash at load.
    const { databaseAnswers } = await import("@/lib/http/health");
    if (await databaseAnswers())
      return Response.json({ db: "ok", ...extra(true) }, { status: warming ? 503 : 200, headers: noStore });
  } catch {
    // Fall through: the reason is in the server log, not in a public response.
  }
  return Response.json({ db: "unavailable", ...extra(false) }, { status: 503, headers: noStore });
}
