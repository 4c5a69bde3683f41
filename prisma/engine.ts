// Loads Prisma's wasm schema engine and connects it through our driver adapters, working around
// what the wasm build and adapter-pg 7.10 lack. prisma/migrator.ts is the only user.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { Provider } from "../lib/prisma";

const ROOT = path.resolve(__dirname, "..");

/** A failure worth one paragraph to the user; the CLI prints only the message. */
export class MigrationError extends Error {}

// lib/prisma.ts imports the generated clients, which do not exist yet when `generate` runs on a fresh
// install, so it is loaded only by the commands that talk to a database.
export const lib = () => import("../lib/prisma");

// adapter-pg 7.10 cannot map PostgreSQL's internal "char" type (OID 18), which the engine's catalog
// queries return; reporting those columns as text lets introspection work.
class CatalogFriendlyClient extends pg.Client {}
const baseQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
const asText = (res: unknown) => {
  for (const r of Array.isArray(res) ? res : [res])
    for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
  return res;
};
CatalogFriendlyClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const cb = args[args.length - 1];
  if (typeof cb === "function")
    args[args.length - 1] = (err: unknown, res: unknown) => cb(err, err ? res : asText(res));
  const out = baseQuery.apply(this, args);
  return out instanceof Promise ? out.then(asText) : out;
} as typeof pg.Client.prototype.query;

export async function factoryFor(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { adapterFactoryFor, providerOf } = await lib();
  if (providerOf(url) === "sqlite") return adapterFactoryFor(url);
  return new PrismaPg({ connectionString: url, Client: CatalogFriendlyClient });
}

let bindings: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;
function wasmBindings() {
  return (bindings ??= (async () => {
    // The wasm-bindgen glue is an ES module with no imports. Jest neither transforms node_modules
    // nor loads ESM without flags, and require(esm) needs Node 20.19, so it is evaluated here as a
    // function body instead; that also keeps it in the caller's realm (Jest's vm context).
    const js = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg", { paths: [ROOT] });
    const names: string[] = [];
    const body = readFileSync(js, "utf8").replace(
      /^export (function|class) (\w+)/gm,
      (_, kind: string, name: string) => {
        names.push(name);
        return `${kind} ${name}`;
      },
    );
    const bg = new Function(`"use strict";\n${body}\nreturn { ${names.join(", ")} };`)();
    // The engine arms timeouts (e.g. around its migration lock) and never clears them; unref'd, they
    // no longer hold the process open for ten seconds after the work is done.
    const imports = { ...bg };
    for (const key of names.filter((k) => k.startsWith("__wbg_setTimeout_"))) {
      imports[key] = (fn: () => void, ms: number) => setTimeout(fn, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(readFileSync(js.replace(/\.js$/, ".wasm")), {
      "./schema_engine_bg.js": imports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })());
}

/**
 * An engine on `url` plus every adapter it opened, so close() can release them all (the engine
 * does not dispose its main connection, and an open pg pool keeps the process alive).
 */
async function loadEngine(url: string, schemaFor: (provider: Provider) => string) {
  const { providerOf } = await lib();
  const provider = providerOf(url);
  const inner = await factoryFor(url);
  const opened: SqlDriverAdapter[] = [];
  const track = (a: SqlDriverAdapter) => {
    // adapter-pg's executeScript splits a script at every ";", which breaks function bodies and
    // string literals. Sent whole, as the native engine does (a parameterless executeRaw uses the
    // simple protocol), a migration also runs as one implicit transaction.
    if (provider === "postgresql")
      a.executeScript = async (sql) => void (await a.executeRaw({ sql, args: [], argTypes: [] }));
    const dispose = a.dispose.bind(a);
    let done: Promise<void> | undefined;
    a.dispose = () => (done ??= dispose());
    opened.push(a);
    return a;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => track(await inner.connect()),
    connectToShadowDb: async () => track(await inner.connectToShadowDb()),
  };
  const log = (line: string) => process.env.DEBUG && console.error(line);
  const { SchemaEngine } = await wasmBindings();
  const engine: SchemaEngine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaFor(provider)]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  ).catch((e: unknown) => Promise.reject(new MigrationError(`Cannot open ${redact(url)}: ${clean(e)}`)));
  const close = async () => {
    engine.free();
    await Promise.allSettled(opened.map((a) => a.dispose()));
  };
  const query = async (sql: string) => (await factory.connect()).queryRaw({ sql, args: [], argTypes: [] });
  return { engine, provider, close, query };
}

export type Engine = Awaited<ReturnType<typeof loadEngine>>;

export async function withEngine<T>(
  url: string,
  schemaFor: (provider: Provider) => string,
  fn: (e: Engine) => Promise<T>,
) {
  const e = await loadEngine(url, schemaFor);
  try {
    return await fn(e);
  } finally {
    await e.close();
  }
}

/** The engine's message without its Rust span trace. */
export const clean = (e: unknown) =>
  String((e as Error)?.message ?? e)
    .split(/\n\s+(?:0: |at )/)[0]
    .replace(/^external connector error\s*/i, "")
    .replace(/\s*\n\s*/g, " ")
    .trim();
export const redact = (url: string) => url.replace(/\/\/[^@/]*@/, "//…@");
