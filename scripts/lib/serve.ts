// Helpers for scripts that run their own `next start`.
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** The first port in `ports` nobody listens on at 127.0.0.1. */
export async function freePort(ports: number[]): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<boolean>((resolve) => {
      const probe = createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
  for (const port of ports) if (await tryPort(port)) return port;
  throw new Error(`no free port in ${ports[0]}–${ports.at(-1)}`);
}

export async function waitForHealth(base: string, server: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not become healthy within 60 s");
}
