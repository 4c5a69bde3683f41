// Offline migrations: drives Prisma's wasm schema engine through our driver adapters, because the
// stock CLI downloads a native engine at run time. Files and the _prisma_migrations table stay
// exactly what `prisma migrate deploy` reads and writes, so either tool can take over.
//   layout.ts     where the schema and migrations live; reading a migrations folder
//   schema.ts     the derived PostgreSQL schema, `generate`, drift
//   databases.ts  creating, checking and dropping databases (PostgreSQL server helpers)
//   apply.ts      migrate, status, resolve, reset
//   create.ts     migration:new
export { MigrationError } from "../engine";
export { derivePostgresSchema, generateClients, schemaDrift } from "./schema";
export { dropDatabase, temporaryPgDatabase } from "./databases";
export { migrate, reset, resolveRolledBack, status } from "./apply";
export { createMigration } from "./create";
