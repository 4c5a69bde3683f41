// The audit log is append-only: no code in the app may update or delete its rows. A grep over every
// source file the app ships (tests and generated code aside) catches the call however it is spelled.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const DIRS = ["app", "lib", "components", "scripts", "prisma"];
const SKIP = /(^|\/)(generated|node_modules|migrations)(\/|$)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (SKIP.test(path.relative(ROOT, full))) return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

// auditLog.update / .updateMany / .upsert / .delete / .deleteMany, and raw SQL on the table.
const FORBIDDEN = [
  /auditLog\s*\??\.\s*(update|updateMany|upsert|delete|deleteMany)\b/,
  /\b(UPDATE|DELETE\s+FROM)\s+["`]?AuditLog\b/i,
  /\["auditLog"\]\s*\.\s*(update|delete)/,
];

describe("the audit log is append-only", () => {
  const files = DIRS.flatMap((d) => sources(path.join(ROOT, d)));

  it("scans the app's sources", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith("lib/dal/audit.ts"))).toBe(true);
  });

  it("no source file updates or deletes AuditLog rows", () => {
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return FORBIDDEN.some((re) => re.test(text)) ? [path.relative(ROOT, file)] : [];
    });
    expect(offenders).toEqual([]);
  });

  it("the patterns catch what they are meant to catch", () => {
    const hits = [
      "db.auditLog.update({",
      "tx.auditLog.deleteMany()",
      "tx.auditLog\n  .upsert(",
      'DELETE FROM "AuditLog"',
    ];
    for (const h of hits) expect(FORBIDDEN.some((re) => re.test(h))).toBe(true);
    expect(FORBIDDEN.some((re) => re.test("tx.auditLog.create({"))).toBe(false);
  });
});
