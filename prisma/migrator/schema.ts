// The PostgreSQL schema derived from prisma/schema.prisma, the generated clients, and drift.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Provider } from "../../lib/prisma";
import { MigrationError, withEngine } from "../engine";
import { driftFilter, POSTGRES_SCHEMA, ROOT, SOURCE_SCHEMA } from "./layout";

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:generate`. Do not edit: edit that file.\n";

export function derivePostgresSchema(sourceText: string): string {
  const swap = (text: string, re: RegExp, to: string) => {
    if (!re.test(text)) throw new Error(`prisma/schema.prisma: expected to match ${re}`);
    return text.replace(re, to);
  };
  let out = swap(sourceText, /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  out = swap(out, /(output\s*=\s*)"\.\.\/lib\/generated\/sqlite"/, '$1"../../lib/generated/postgres"');
  // The source's opening comment tells readers to edit it; in the copy that would mislead.
  return HEADER + out.replace(/^(\/\/.*\n)+\n*/, "\n");
}

export function writeDerivedSchema(): boolean {
  const next = derivePostgresSchema(readFileSync(SOURCE_SCHEMA, "utf8"));
  if (existsSync(POSTGRES_SCHEMA) && readFileSync(POSTGRES_SCHEMA, "utf8") === next) return false;
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, next);
  return true;
}

export function generateClients(): void {
  writeDerivedSchema();
  // `prisma generate` never runs the schema engine but insists that its binary exists.
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(ROOT, "package.json"),
  };
  const cli = require.resolve("prisma/build/index.js", { paths: [ROOT] });
  for (const schema of [SOURCE_SCHEMA, POSTGRES_SCHEMA]) {
    const run = spawnSync(process.execPath, [cli, "generate", "--schema", schema], {
      cwd: ROOT,
      env,
      stdio: "inherit",
    });
    if (run.status !== 0)
      throw new MigrationError(`prisma generate failed for ${path.relative(ROOT, schema)}.`);
  }
}

export function schemaText(provider: Provider): string {
  const source = readFileSync(SOURCE_SCHEMA, "utf8");
  return provider === "sqlite" ? source : derivePostgresSchema(source);
}

/** SQL that would take the database at `url` to the current schema; "" when they agree. */
export async function schemaDrift(url: string): Promise<string> {
  return withEngine(url, schemaText, async ({ engine, provider }) => {
    const files = [{ path: "schema.prisma", content: schemaText(provider) }];
    const r = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: ROOT },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: driftFilter(provider, url),
    });
    return r.exitCode === 0 ? "" : (r.stdout ?? "").trim();
  });
}
