import { readAudit } from "../../scripts/lib/audit-report";

// What `npm audit --json` printed on this project's CI machine, whose registry mirror has no audit endpoint.
const MIRROR_405 = JSON.stringify({
  message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  method: "POST",
  uri: "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  statusCode: 405,
  body: "",
  error: { summary: "", detail: "" },
});

// npm's shape when there is no route out at all.
const NO_ROUTE = JSON.stringify({
  error: {
    code: "ENOTFOUND",
    summary:
      "request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org",
    detail: "",
  },
});

function report(
  counts: Partial<Record<"info" | "low" | "moderate" | "high" | "critical", number>>,
  vulnerabilities = {},
) {
  const all = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts };
  const total = Object.values(all).reduce((a, b) => a + b, 0);
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { ...all, total }, dependencies: { total: 1065 } },
  });
}

const NODEMAILER_HIGH = {
  nodemailer: {
    name: "nodemailer",
    severity: "high",
    isDirect: true,
    via: [
      {
        source: 1,
        name: "nodemailer",
        title: "Nodemailer: Quadratic (O(n²)) time complexity in addressparser",
        url: "https://github.com/advisories/GHSA-2x7j-588g-ccc2",
        severity: "high",
        range: "<9.1.0",
      },
    ],
    range: "<9.1.0",
    fixAvailable: { name: "nodemailer", version: "10.6.1", isSemVerMajor: true },
  },
  "next-auth": { name: "next-auth", severity: "high", via: ["nodemailer"], range: "*", fixAvailable: false },
};

describe("readAudit", () => {
  it("calls a registry without the audit endpoint unreachable, naming the answer it gave", () => {
    const outcome = readAudit({ stdout: MIRROR_405, exitCode: 1 });
    expect(outcome).toEqual({
      kind: "unreachable",
      reason: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    });
  });

  it("calls a network failure unreachable, with npm's error code", () => {
    const outcome = readAudit({ stdout: NO_ROUTE, exitCode: 1 });
    expect(outcome.kind).toBe("unreachable");
    expect(outcome.kind === "unreachable" && outcome.reason).toMatch(/^ENOTFOUND: request to .* failed/);
  });

  it("calls a run cut off by the timeout unreachable", () => {
    expect(readAudit({ stdout: "", exitCode: null, timedOutAfterMs: 30_000 })).toEqual({
      kind: "unreachable",
      reason: "no answer within 30 s",
    });
  });

  it("does not mistake output that is not a report for a clean report", () => {
    expect(readAudit({ stdout: "npm ERR! something odd", exitCode: 1 })).toEqual({
      kind: "unreachable",
      reason: "npm audit exited 1 without a report",
    });
    expect(readAudit({ stdout: "{}", exitCode: 0 }).kind).toBe("unreachable");
  });

  it("fails on high findings and lists each package with its advisory and fix", () => {
    const outcome = readAudit({ stdout: report({ high: 2 }, NODEMAILER_HIGH), exitCode: 1 });
    expect(outcome.kind).toBe("report");
    if (outcome.kind !== "report") return;
    expect(outcome.failing).toBe(2);
    expect(outcome.lines[0]).toBe(
      "npm audit: 2 vulnerable package(s) — 0 critical, 2 high, 0 moderate, 0 low, 0 info",
    );
    const text = outcome.lines.join("\n");
    expect(text).toContain("high     next-auth * (no fix available)");
    expect(text).toContain("through nodemailer");
    expect(text).toContain("high     nodemailer <9.1.0 (fix: nodemailer@10.6.1 (semver-major))");
    expect(text).toContain("https://github.com/advisories/GHSA-2x7j-588g-ccc2");
  });

  it("fails on critical findings", () => {
    const outcome = readAudit({ stdout: report({ critical: 1 }), exitCode: 1 });
    expect(outcome.kind === "report" && outcome.failing).toBe(1);
  });

  it("lists moderate and low findings without failing", () => {
    const outcome = readAudit({ stdout: report({ moderate: 1, low: 3 }), exitCode: 1 });
    expect(outcome.kind === "report" && outcome.failing).toBe(0);
  });

  it("passes a clean report", () => {
    const outcome = readAudit({ stdout: report({}), exitCode: 0 });
    expect(outcome).toEqual({
      kind: "report",
      failing: 0,
      lines: ["npm audit: 0 vulnerable package(s) — 0 critical, 0 high, 0 moderate, 0 low, 0 info"],
    });
  });
});
