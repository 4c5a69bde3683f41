// What npm run lighthouse prints from a Lighthouse result: the four category scores (0–100), the
// metrics that make up the performance score, the JavaScript it would save, and every audit that
// kept a category below 100 (so a miss says why).
import type { Result } from "lighthouse";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const METRICS = {
  FCP: "first-contentful-paint",
  LCP: "largest-contentful-paint",
  TBT: "total-blocking-time",
  CLS: "cumulative-layout-shift",
  SI: "speed-index",
} as const;

export type PageScore = {
  path: string;
  categories: Record<(typeof CATEGORIES)[number], number | null>;
  metrics: Record<keyof typeof METRICS, string>;
  unusedJsBytes: number;
  legacyJsBytes: number;
  failing: string[];
  /** Lighthouse's measure of this machine's speed (a typical desktop is 1000–2000); low means busy. */
  benchmarkIndex: number | null;
};

const savedBytes = (lhr: Result, id: string) => {
  const details = lhr.audits[id]?.details as { overallSavingsBytes?: number } | undefined;
  return details?.overallSavingsBytes ?? 0;
};

/**
 * Why a run has no result worth keeping, or null. Lighthouse reports some failures inside an otherwise
 * normal result (a trace without its navigation start, NO_NAVSTART, seen on a busy machine): the
 * performance score is then missing, and such a run must be run again rather than counted.
 */
export function runFailure(lhr: Pick<Result, "runtimeError" | "categories">): string | null {
  if (lhr.runtimeError) return lhr.runtimeError.code;
  const score = lhr.categories.performance?.score;
  return score === null || score === undefined ? "NO_PERFORMANCE_SCORE" : null;
}

export function summarise(pathname: string, lhr: Result): PageScore {
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => {
      const score = lhr.categories[c]?.score;
      return [c, score === null || score === undefined ? null : Math.round(score * 100)];
    }),
  ) as PageScore["categories"];
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([name, id]) => [name, lhr.audits[id]?.displayValue ?? "-"]),
  ) as PageScore["metrics"];
  const failing = new Set<string>();
  for (const c of CATEGORIES)
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        failing.add(
          `${c}: ${ref.id} (${Math.round(audit.score * 100)}${audit.displayValue ? `, ${audit.displayValue}` : ""})`,
        );
    }
  return {
    path: pathname,
    categories,
    metrics,
    unusedJsBytes: savedBytes(lhr, "unused-javascript"),
    legacyJsBytes: savedBytes(lhr, "legacy-javascript"),
    failing: [...failing],
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function report(pages: PageScore[]): string {
  const lines: string[] = [];
  const head = [
    "page",
    "perf",
    "a11y",
    "best",
    "seo",
    ...Object.keys(METRICS),
    "unused JS",
    "legacy JS",
    "CPU index",
  ];
  const rows = pages.map((p) => [
    p.path,
    ...CATEGORIES.map((c) => String(p.categories[c] ?? "-")),
    ...Object.values(p.metrics),
    kB(p.unusedJsBytes),
    kB(p.legacyJsBytes),
    String(p.benchmarkIndex === null ? "-" : Math.round(p.benchmarkIndex)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows]) lines.push(r.map((cell, i) => cell.padEnd(widths[i])).join("  "));
  lines.push("");
  lines.push(
    "Simulated mobile throttling multiplies the CPU time seen here by 4: on a busy machine (a low CPU index)",
  );
  lines.push("total blocking time, and with it the performance score, reads worse than a reader would see.");
  lines.push("");
  for (const p of pages) {
    const all100 = CATEGORIES.every((c) => p.categories[c] === 100);
    lines.push(`${all100 ? "PASS" : "MISS"}  ${p.path}: 100 in all four categories`);
    for (const f of p.failing) lines.push(`        ${f}`);
  }
  return lines.join("\n");
}
