// Configuration for the stock Prisma CLI (`npx prisma migrate deploy`, `prisma studio`) on machines
// with internet access. Our own offline runner (prisma/cli.ts) reads the same files.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/news.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  datasource: { url },
});
