// Builds a Prisma client for a DATABASE_URL. Importable anywhere on the server side (scripts,
// tests, the migration runner); the app itself goes through lib/db.ts.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";

/** Both generated clients come from one model definition, so they share one shape. */
export type PrismaClient = SqliteClient;
export { DEFAULT_DATABASE_URL, providerOf, sqlitePath, type Provider } from "./database-url";
import { providerOf, sqlitePath } from "./database-url";

/**
 * Per-connection settings. WAL lets readers and the writer work side by side, and the busy timeout
 * makes a writer wait for a lock instead of failing: without both, Prisma's better-sqlite3 adapter
 * can report a write as committed that SQLITE_BUSY rolled back (prisma/orm#29933). Foreign keys are
 * off by default in SQLite and Prisma's adapter does not turn them on.
 */
export const SQLITE_PRAGMAS = [
  // First, so that the statements after it wait for a lock instead of failing.
  "PRAGMA busy_timeout = 10000",
  "PRAGMA foreign_keys = ON",
  "PRAGMA synchronous = NORMAL",
];

/** Wraps the better-sqlite3 factory so every connection it opens gets SQLITE_PRAGMAS. */
class ConfiguredSqliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  #inner: PrismaBetterSqlite3;

  constructor(url: string) {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    this.#inner = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 });
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return configure(await this.#inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return configure(await this.#inner.connectToShadowDb());
  }
}

/** What the adapter uses of a better-sqlite3 statement: it binds once, then runs or reads all rows. */
type Statement = {
  reader: boolean;
  bind(args: unknown[]): Statement;
  run(...args: unknown[]): unknown;
  columns(): unknown[];
  raw(on?: boolean): Statement;
  all(...args: unknown[]): unknown[];
};

/** Statements kept per connection: the app's queries are a few hundred distinct texts. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * A statement prepared once per connection and text, handed out bound to one call's arguments. The
 * adapter prepares every query afresh and binds it for good (better-sqlite3's bind() works once per
 * statement), which parsed and planned the same SQL on every query: a twentieth of a comment post.
 * The adapter runs each one to completion synchronously, so one statement is never used twice at once.
 */
function boundTo(stmt: Statement, args: unknown[]): Statement {
  const bound: Statement = {
    reader: stmt.reader,
    bind: () => {
      throw new TypeError("The bind() method can only be called once per statement object");
    },
    run: () => stmt.run(...args),
    columns: () => stmt.columns(),
    raw: (on = true) => (stmt.raw(on), bound),
    all: () => stmt.all(...args),
  };
  return bound;
}

function reusable(stmt: Statement): Statement {
  return { ...boundTo(stmt, []), bind: (args) => boundTo(stmt, args) };
}

/**
 * Interactive transactions start with BEGIN IMMEDIATE instead of the adapter's plain (deferred) BEGIN.
 * A deferred transaction that reads and then writes cannot wait for the lock: if another connection
 * (a second server process, the importer) committed in between, SQLite refuses the write at once
 * with SQLITE_BUSY, which the adapter reports as "Operation has timed out". IMMEDIATE takes the write
 * lock first, waiting up to the busy timeout for it, so such a transaction queues instead of failing.
 * Every statement is prepared once per connection (reusable above).
 */
function preparedOnce(adapter: SqlDriverAdapter): void {
  const client = (adapter as unknown as { client?: { prepare?: (sql: string) => Statement } }).client;
  if (!client?.prepare) throw new Error("the better-sqlite3 adapter no longer exposes its connection");
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Statement>();
  client.prepare = (sql: string) => {
    const text = sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql;
    let stmt = cache.get(text);
    if (!stmt) {
      stmt = prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(text, stmt);
    }
    return reusable(stmt);
  };
}

/**
 * Each statement outside a transaction first yields to the event loop. better-sqlite3 answers at
 * once, so without this a request's whole chain of queries ran in one burst of microtasks, and 20
 * concurrent comment posts made event-loop turns of 200–400 ms: whatever waited for the next turn
 * (Next's own timers and immediates between a response's stages, a socket's next request) waited
 * that long, which doubled the posts' p95 against their p50 (PostgreSQL, whose queries wait for the
 * network, had no such tail). A transaction's own statements (startTransaction's object) are left
 * as they were: they still run back to back.
 */
export function yieldingStatements(adapter: SqlDriverAdapter): void {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.queryRaw = async (query) => (await turn(), queryRaw(query));
  adapter.executeRaw = async (query) => (await turn(), executeRaw(query));
}

async function configure(adapter: SqlDriverAdapter): Promise<SqlDriverAdapter> {
  preparedOnce(adapter);
  yieldingStatements(adapter);
  await adapter.executeScript(SQLITE_PRAGMAS.join(";\n") + ";");
  // WAL is a property of the file and persists; switching needs a moment with no other readers,
  // so only the first connection to a new file pays for it.
  const mode = await adapter.queryRaw({ sql: "PRAGMA journal_mode", args: [], argTypes: [] });
  if (String(mode.rows[0]?.[0]).toLowerCase() !== "wal") {
    await adapter.executeScript("PRAGMA journal_mode = WAL;");
  }
  await analyzeOnce(adapter);
  return adapter;
}

/**
 * Query plans need statistics, which SQLite has only after ANALYZE. Without them it answered a story's
 * replies (`threadId IN (…)` with a status OR) by walking the whole (status, createdAt) index: 2.7 s
 * per comments page at 2,000,000 comments, against 13 ms by the thread index once analyzed. A file
 * whose comments were never analyzed is analyzed on open, sampled (analysis_limit) so a 2.4 GB file
 * takes about two seconds; after that `PRAGMA optimize` re-analyzes a table that has grown far past
 * its statistics.
 */
async function analyzeOnce(adapter: SqlDriverAdapter): Promise<void> {
  const query = async (sql: string) =>
    (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows.length > 0;
  const exists = (table: string) => query(`SELECT 1 FROM sqlite_master WHERE name = '${table}'`);
  // Not on a file the migrations have not made yet: ANALYZE's table would make it look non-empty.
  if (!(await exists("Comment")) || !(await query('SELECT 1 FROM "Comment" LIMIT 1'))) return;
  const analyzed =
    (await exists("sqlite_stat1")) && (await query("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'Comment'"));
  await adapter.executeScript(
    `PRAGMA analysis_limit = 400; ${analyzed ? "PRAGMA optimize = 0x10002;" : "ANALYZE;"}`,
  );
}

/** The driver adapter factory for a URL: used by the client and by the migration runner. */
export function adapterFactoryFor(url: string): SqlMigrationAwareDriverAdapterFactory {
  return providerOf(url) === "postgresql"
    ? new PrismaPg({ connectionString: url })
    : new ConfiguredSqliteFactory(url);
}

export function createPrismaClient(url: string): PrismaClient {
  const adapter = adapterFactoryFor(url);
  const client =
    providerOf(url) === "postgresql"
      ? (new PostgresClient({ adapter }) as unknown as SqliteClient)
      : new SqliteClient({ adapter });
  return client;
}
