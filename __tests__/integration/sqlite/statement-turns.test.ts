/**
 * lib/prisma.ts yields to the event loop before each SQLite statement outside a transaction:
 * better-sqlite3 answers at once, and without the yield a request's chain of queries ran in one burst
 * of microtasks while timers, immediates and other sockets waited (the comment posts' p95 tail).
 */
import { createPrismaClient } from "@/lib/prisma";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

it("lets the event loop take a turn before each statement outside a transaction", async () => {
  await db.section.count(); // connected, pragmas set
  const order: string[] = [];
  setImmediate(() => order.push("immediate"));
  await db.section.count();
  order.push("first query");
  expect(order).toEqual(["immediate", "first query"]);

  // Every statement, not only a request's first one.
  order.length = 0;
  await db.section.count();
  setImmediate(() => order.push("immediate"));
  await db.section.findMany({ take: 1 });
  order.push("second query");
  expect(order).toEqual(["immediate", "second query"]);
});

it("runs a transaction's own statements back to back", async () => {
  const order: string[] = [];
  await db.$transaction(async (tx) => {
    setImmediate(() => order.push("immediate"));
    await tx.section.count();
    await tx.section.count();
    order.push("transaction statements");
  });
  expect(order[0]).toBe("transaction statements");
});
