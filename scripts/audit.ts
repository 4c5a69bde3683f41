// `npm run audit`: the npm advisory service's view of package-lock.json. High or critical findings
// fail (exit 1). A service that cannot be reached (no route out, a registry mirror without the audit
// endpoint, a timeout) is said plainly and does not fail: it is a gap in the check, not a finding.
import { spawn } from "node:child_process";
import { readAudit, type AuditRun } from "./lib/audit-report";
import { ROOT } from "./lib/run";

const TIMEOUT_MS = Number(process.env.AUDIT_TIMEOUT_MS || 30_000);

function runAudit(): Promise<AuditRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "npm",
      ["audit", "--json", `--fetch-timeout=${TIMEOUT_MS}`, "--fetch-retries=0"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.resume(); // npm's own warnings repeat what the JSON says
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      resolve({ stdout, exitCode: null, timedOutAfterMs: TIMEOUT_MS });
    }, TIMEOUT_MS + 5_000);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolve({ stdout, exitCode });
    });
  });
}

async function main(): Promise<number> {
  const outcome = readAudit(await runAudit());
  if (outcome.kind === "unreachable") {
    console.log(`npm audit: the advisory service is unreachable from here (${outcome.reason}); not checked`);
    return 0;
  }
  for (const line of outcome.lines) console.log(line);
  if (outcome.failing > 0) {
    console.error(`npm audit: ${outcome.failing} high or critical finding(s); failing.`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`npm run audit: ${err.message}`);
    process.exit(1);
  },
);
