const noStore = { "cache-control": "no-store" };

// GET handlers run per request (they are not prerendered unless a route opts in).
export async function GET() {
  try {
    // Imported lazily so a broken configuration is reported as 503, not a crash at load.
    const { databaseAnswers } = await import("@/lib/dal/health");
    if (await databaseAnswers()) return Response.json({ db: "ok" }, { headers: noStore });
  } catch {
    // Fall through: the reason is in the server log, not in a public response.
  }
  return Response.json({ db: "unavailable" }, { status: 503, headers: noStore });
}
