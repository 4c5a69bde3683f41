import type { PrismaClient } from "@/lib/prisma";

// Close the app's client (lib/db.ts keeps it on globalThis outside production) so each test
// file's database can be dropped and the worker can exit.
afterAll(async () => {
  const g = globalThis as unknown as { __newsroomDb?: PrismaClient };
  await g.__newsroomDb?.$disconnect();
});
