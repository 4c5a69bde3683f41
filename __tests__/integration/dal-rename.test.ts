// Renaming against a real database: names that impersonate staff, other readers or the site, the
// limit of renames a month, uniqueness by look-alike skeleton, and the audit entry moderators see.
import { createPrismaClient } from "@/lib/prisma";
import { renameUser } from "@/lib/accounts/dal/account";

jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

let n = 0;
const user = (name: string | null, role: "READER" | "MODERATOR" | "ADMIN" = "READER") =>
  db.user.create({
    data: { name, role, email: `rename-${++n}@example.test`, emailVerified: new Date() },
    select: { id: true },
  });

const nameOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).name;

async function expectRefused(id: string, name: string, message: RegExp, code = "invalid") {
  const before = await nameOf(id);
  const result = await renameUser(id, name);
  expect([name, result]).toMatchObject([name, { ok: false, code }]);
  if (result.ok) return;
  expect(result.fieldErrors?.name?.[0]).toMatch(message);
  expect(await nameOf(id)).toBe(before);
}

it.each([
  ["a reserved word", "Moderator", /reserved/],
  ["a reserved word inside the name", "Site Moderator", /reserved/],
  ["a homoglyph of [deleted]", "[dеlеtеd]", /reserved/],
  ["a disguised reserved word", "Adm1n", /reserved/],
  ["the site's name", "The Port Alder Courier", /reserved/],
  ["the site's name without The", "Port Alder Courier", /reserved/],
  ["another reader's automatic name", "Reader abc12", /reserved/],
  ["a blank-looking name", "\u3164\u3164\u3164", /characters|letter/],
  ["only combining marks among fillers", "\u3164\u0301\u3164\u0301", /characters|letter/],
  ["a pile of combining marks", "Bo\u0300\u0301\u0302\u0303b", /marks/],
])("refuses %s", async (_label, name, message) => {
  const reader = await user(`Plain Reader ${++n}`);
  await expectRefused(reader.id, name, message);
});

it("refuses a staff member's name, exactly or by look-alike, and names them as staff", async () => {
  await user("Harriet Vane", "MODERATOR");
  await user("Peter Wimsey", "ADMIN");
  const reader = await user("Someone Else");
  await expectRefused(reader.id, "Harriet Vane", /staff/);
  await expectRefused(reader.id, "harriet  VANE", /staff/);
  await expectRefused(reader.id, "Hаrriet Vаne", /staff/); // Cyrillic а
  await expectRefused(reader.id, "Peter Wlmsey", /staff/); // l for i
});

it("keeps names unique by skeleton, against renamed and older accounts alike", async () => {
  const first = await user("First Reader");
  const second = await user("Second Reader");
  expect(await renameUser(first.id, "Quiet Heron")).toMatchObject({ ok: true, name: "Quiet Heron" });
  await expectRefused(second.id, "Quiet Heron", /taken/);
  await expectRefused(second.id, "quiet heron", /taken/);
  await expectRefused(second.id, "Quiеt Hеron", /taken/); // Cyrillic е
  await expectRefused(second.id, "Qu1et Her0n", /taken/);
  // A name stored before skeletons were (or by a sign-in provider) has none, and still counts.
  await user("Old Badger");
  await expectRefused(second.id, "OId Badger", /taken/); // capital I for l
  expect(await db.user.findFirstOrThrow({ where: { id: first.id }, select: { nameSkeleton: true } })).toEqual(
    { nameSkeleton: "qulet heron" },
  );
  // Changing only the case of one's own name is allowed.
  expect(await renameUser(first.id, "QUIET HERON")).toMatchObject({ ok: true });
});

it("allows three renames in 30 days and refuses the fourth, with the date it may change again", async () => {
  const reader = await user("Restless Reader");
  for (const name of ["Restless One", "Restless Two", "Restless Three"])
    expect(await renameUser(reader.id, name)).toMatchObject({ ok: true, name });
  await expectRefused(
    reader.id,
    "Restless Four",
    /3 times in 30 days.*after \d{4}-\d{2}-\d{2}/,
    "rate_limited",
  );
  // Renames older than the window no longer count.
  const later = new Date(Date.now() + 31 * 24 * 3600 * 1000);
  expect(await renameUser(reader.id, "Restless Four", later)).toMatchObject({ ok: true });
});

it("does not count saving the same name", async () => {
  const reader = await user("Steady Reader");
  for (let i = 0; i < 4; i++)
    expect(await renameUser(reader.id, "Steady Reader")).toMatchObject({ ok: true });
  expect(await db.auditLog.count({ where: { subjectUserId: reader.id } })).toBe(0);
});

it("writes each rename to the audit log with the old and new names", async () => {
  const reader = await user(null);
  expect(await renameUser(reader.id, "Fresh Name")).toMatchObject({ ok: true });
  expect(await renameUser(reader.id, "Fresher Name")).toMatchObject({ ok: true });
  const rows = await db.auditLog.findMany({
    where: { subjectUserId: reader.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  expect(rows).toEqual([
    expect.objectContaining({
      action: "user.rename",
      actorId: reader.id,
      actorName: `Reader ${reader.id.slice(-5)}`,
      targetType: "user",
      targetId: reader.id,
      before: null,
      after: "Fresh Name",
    }),
    expect.objectContaining({ action: "user.rename", before: "Fresh Name", after: "Fresher Name" }),
  ]);
});

it("writes nothing for a refused rename", async () => {
  const reader = await user("Careful Reader");
  await expectRefused(reader.id, "Moderator", /reserved/);
  expect(await db.auditLog.count({ where: { subjectUserId: reader.id } })).toBe(0);
});
