// The answer of GET /api/health, apart from the route so tests can call it outside a request
// (the route's connection() needs one).
const noStore = { "cache-control": "no-store" };

export async function healthResponse(): Promise<Response> {
  try {
    // Imported lazily so a broken configuration is reported as 503, not a crash at load.
    const { databaseAnswers } = await import("@/lib/dal/health");
    if (await databaseAnswers()) return Response.json({ db: "ok" }, { headers: noStore });
  } catch {
    // Fall through: the reason is in the server log, not in a public response.
  }
  return Response.json({ db: "unavailable" }, { status: 503, headers: noStore });
}
