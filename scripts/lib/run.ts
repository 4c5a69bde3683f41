import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

/** Runs a binary from node_modules/.bin with inherited output; resolves with its exit code. */
export function runBin(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    // Telemetry would phone home from machines that may have no route out; opt in by setting it to 0.
    const childEnv = { NEXT_TELEMETRY_DISABLED: "1", ...env };
    const child = spawn(path.join(ROOT, "node_modules", ".bin", bin), args, {
      stdio: "inherit",
      env: childEnv,
      cwd: ROOT,
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Loads .env and .env.local when present, without overriding variables already set. */
export function loadEnvFiles() {
  for (const file of [".env.local", ".env"]) {
    try {
      process.loadEnvFile(path.join(ROOT, file));
    } catch {
      // Optional files: the defaults are safe for local use.
    }
  }
}
