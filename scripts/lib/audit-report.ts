// Reads `npm audit --json`: either the advisory service's report, or why there is none.

type Severity = "info" | "low" | "moderate" | "high" | "critical";

type Vulnerability = {
  name: string;
  severity: Severity;
  range?: string;
  via?: (string | { title?: string; url?: string })[];
  fixAvailable?: boolean | { name: string; version: string; isSemVerMajor?: boolean };
};

type AuditJson = {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, Vulnerability>;
  metadata?: { vulnerabilities?: Partial<Record<Severity | "total", number>> };
  message?: string;
  error?: { code?: string; summary?: string; detail?: string };
  code?: string;
  statusCode?: number;
};

export type AuditRun = { stdout: string; exitCode: number | null; timedOutAfterMs?: number };

export type AuditOutcome =
  { kind: "report"; lines: string[]; failing: number } | { kind: "unreachable"; reason: string };

const ORDER: Severity[] = ["critical", "high", "moderate", "low", "info"];
const FAILING: Severity[] = ["critical", "high"];

function parse(stdout: string): AuditJson | null {
  try {
    const json: unknown = JSON.parse(stdout);
    return json && typeof json === "object" ? (json as AuditJson) : null;
  } catch {
    return null;
  }
}

function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function fixOf(v: Vulnerability): string {
  const fix = v.fixAvailable;
  if (fix === true) return "fix: npm audit fix";
  if (fix && typeof fix === "object")
    return `fix: ${fix.name}@${fix.version}${fix.isSemVerMajor ? " (semver-major)" : ""}`;
  return "no fix available";
}

/** The service answered when the output is an audit report; anything else means it was not reached. */
export function readAudit(run: AuditRun): AuditOutcome {
  if (run.timedOutAfterMs !== undefined)
    return { kind: "unreachable", reason: `no answer within ${Math.round(run.timedOutAfterMs / 1000)} s` };
  const json = parse(run.stdout);
  if (!json || typeof json.auditReportVersion !== "number" || !json.metadata?.vulnerabilities) {
    const reason =
      json?.message ||
      [json?.error?.code ?? json?.code, json?.error?.summary].filter(Boolean).join(": ") ||
      (json?.statusCode ? `HTTP ${json.statusCode}` : "") ||
      `npm audit exited ${run.exitCode ?? "by a signal"} without a report`;
    return { kind: "unreachable", reason: oneLine(reason) };
  }

  const counts = json.metadata.vulnerabilities;
  const found = Object.values(json.vulnerabilities ?? {}).sort(
    (a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || a.name.localeCompare(b.name),
  );
  const lines = [
    `npm audit: ${counts.total ?? found.length} vulnerable package(s) — ` +
      ORDER.map((s) => `${counts[s] ?? 0} ${s}`).join(", "),
  ];
  for (const v of found) {
    const advisories = (v.via ?? [])
      .map((via) =>
        typeof via === "string" ? `through ${via}` : [via.title, via.url].filter(Boolean).join(" "),
      )
      .filter(Boolean);
    lines.push(`  ${v.severity.padEnd(8)} ${v.name}${v.range ? ` ${v.range}` : ""} (${fixOf(v)})`);
    for (const a of advisories) lines.push(`           ${oneLine(a)}`);
  }
  const failing = FAILING.reduce((n, s) => n + (counts[s] ?? 0), 0);
  return { kind: "report", lines, failing };
}
