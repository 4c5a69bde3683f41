// The benchmark's table, ratios and targets. Targets are reported, never enforced: speed belongs to
// the benchmark, and a busy machine must not turn a test run red.
export type Measurement = {
  name: string;
  path: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Average response size (bytes, uncompressed as autocannon asks): what a page costs to send. */
  bytesPerResponse: number;
  /** The server's CPU time per request during the run (Linux), null where it cannot be read. */
  cpuMsPerRequest: number | null;
};

export type Target = { label: string; ok: boolean };

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));

export function table(rows: Measurement[], baseline: Measurement): string {
  const head = [
    "page",
    "path",
    "kB",
    "req/s",
    "× static",
    "p50 ms",
    "p99 ms",
    "CPU ms/req",
    "× static",
    "errors",
  ];
  const body = rows.map((r) => [
    r.name,
    r.path,
    (r.bytesPerResponse / 1000).toFixed(1),
    r.requestsPerSec.toFixed(0),
    (r.requestsPerSec / baseline.requestsPerSec).toFixed(2),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.cpuMsPerRequest === null ? "-" : r.cpuMsPerRequest.toFixed(2),
    r.cpuMsPerRequest === null || !baseline.cpuMsPerRequest
      ? "-"
      : (r.cpuMsPerRequest / baseline.cpuMsPerRequest).toFixed(2),
    String(r.errors + r.non2xx),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i >= 2)).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export function targets(rows: Measurement[], baseline: Measurement): Target[] {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const out: Target[] = [];
  const ratio = (name: string, min: number) => {
    const r = byName.get(name);
    if (!r) return;
    const x = r.requestsPerSec / baseline.requestsPerSec;
    out.push({ label: `${name} ≥ ${min}× static throughput (${x.toFixed(2)}×)`, ok: x >= min });
  };
  ratio("article", 0.9);
  ratio("home", 0.8);
  for (const r of rows)
    out.push(
      r.requestsPerSec > 0
        ? { label: `${r.name} p99 < 50 ms (${r.p99.toFixed(1)} ms)`, ok: r.p99 < 50 }
        : // autocannon reports 0 ms when nothing finished: that is no pass.
          { label: `${r.name}: no request finished within the run (try a longer --duration)`, ok: false },
    );
  for (const r of rows)
    if (r.errors + r.non2xx > 0)
      out.push({ label: `${r.name}: ${r.errors} errors, ${r.non2xx} non-2xx`, ok: false });
  return out;
}
