// Runs once when a server starts, before it serves (node_modules/next/dist/docs: instrumentation).
export async function register() {
  // The database lives in the Node.js runtime, and the build has no server to keep tidy.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    // Validates the environment (lib/env.ts) before the first request: Next.js only logs an error
    // thrown here and serves on, so a misconfigured site (a public SITE_URL without EMAIL_SERVER, say)
    // is stopped here with the message that says how to fix it.
    await import("./lib/env");
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const { startAuthHousekeeping } = await import("./lib/dal/auth-housekeeping");
  startAuthHousekeeping();
}
