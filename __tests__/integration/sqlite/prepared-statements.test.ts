/**
 * lib/prisma.ts prepares each SQL text once per SQLite connection and binds it anew for every query
 * (the adapter would prepare and bind a fresh statement each time). The same texts, run again with
 * other arguments, in and out of transactions, must answer for their own arguments every time.
 */
import Database from "better-sqlite3";
import { createPrismaClient, sqlitePath } from "@/lib/prisma";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url);
afterAll(() => db.$disconnect());

it("prepares a query's text once and answers each call for its own arguments", async () => {
  const prepared: string[] = [];
  const original = Database.prototype.prepare;
  const spy = jest.spyOn(Database.prototype, "prepare").mockImplementation(function (
    this: Database.Database,
    sql,
  ) {
    prepared.push(sql);
    return original.call(this, sql);
  });
  // Its own client, connected while the spy is in place (a connection keeps the prepare it found).
  const db = createPrismaClient(url);
  try {
    const slugs = Array.from({ length: 6 }, (_, i) => `prepared-${i}`);
    for (const slug of slugs) await db.section.create({ data: { slug, name: `Name of ${slug}` } });
    for (const slug of slugs)
      expect(await db.section.findUnique({ where: { slug }, select: { name: true } })).toEqual({
        name: `Name of ${slug}`,
      });
    expect(await db.section.findUnique({ where: { slug: "prepared-none" } })).toBeNull();
    expect(await db.section.count({ where: { slug: { in: slugs } } })).toBe(6);
    // Each distinct text was prepared at most once on this connection.
    const repeats = prepared.filter((sql, i) => prepared.indexOf(sql) !== i);
    expect(repeats).toEqual([]);
  } finally {
    await db.$disconnect();
    spy.mockRestore();
  }
});

it("keeps transactions (BEGIN IMMEDIATE), their rollbacks and failed statements working on reused statements", async () => {
  await expect(
    db.$transaction(async (tx) => {
      await tx.section.create({ data: { slug: "rolled-back", name: "Rolled back" } });
      throw new Error("undo");
    }),
  ).rejects.toThrow("undo");
  for (let i = 0; i < 3; i++)
    await db.$transaction(async (tx) => {
      await tx.section.create({ data: { slug: `committed-${i}`, name: `Committed ${i}` } });
    });
  // A unique violation fails one run of a statement; the next run of the same text still works.
  await expect(db.section.create({ data: { slug: "committed-0", name: "Again" } })).rejects.toMatchObject({
    code: "P2002",
  });
  await db.section.create({ data: { slug: "committed-3", name: "Committed 3" } });
  const onDisk = new Database(sqlitePath(url), { readonly: true });
  try {
    const rows = onDisk
      .prepare("SELECT slug FROM Section WHERE slug LIKE 'committed-%' OR slug = 'rolled-back' ORDER BY slug")
      .all() as { slug: string }[];
    expect(rows.map((r) => r.slug)).toEqual(["committed-0", "committed-1", "committed-2", "committed-3"]);
  } finally {
    onDisk.close();
  }
});
