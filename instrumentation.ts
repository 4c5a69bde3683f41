// Runs once when a server starts, before it serves (node_modules/next/dist/docs: instrumentation).
export async function register() {
  // The database lives in the Node.js runtime, and the build has no server to keep tidy.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Loading it validates the environment (lib/env.ts) too, so a misconfigured site stops here.
  const { startAuthHousekeeping } = await import("./lib/dal/auth-housekeeping");
  startAuthHousekeeping();
}
