// The authorization matrix: every moderation DAL action called as each kind of actor, with the exact
// outcome expected. Each call gets fresh targets, so one actor's success cannot change another's result.
// The test prints the matrix as a markdown table (README "Moderation" quotes it).
jest.mock("@/lib/auth", () => ({ auth: async () => null }));

import { decideAppeal, submitAppeal } from "@/lib/dal/appeals";
import { listAuditLog } from "@/lib/dal/audit";
import { moderateComment, moderateComments } from "@/lib/dal/moderation";
import { countQueues, listAppeals, listQueue } from "@/lib/dal/moderation-queues";
import { replyAsStaff } from "@/lib/dal/moderation-reply";
import { getArticleControls, updateArticleControls, updateSiteSettings } from "@/lib/dal/moderation-settings";
import { getUserDetail, searchUsers } from "@/lib/dal/moderation-users";
import { reportComment } from "@/lib/dal/reports";
import { applySanction, liftSanction, setUserRole } from "@/lib/dal/sanctions";
import {
  auditRows,
  makeCast,
  makeComment,
  makeStory,
  makeUser,
  testDb,
} from "../support/moderation-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

type Cast = Awaited<ReturnType<typeof makeCast>>;
type ActorName = keyof Cast;
const ACTORS: ActorName[] = [
  "anonymous",
  "banned",
  "suspended",
  "reader",
  "otherReader",
  "moderator",
  "admin",
];
type Outcome = "ok" | "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict";

let cast: Cast;
let story = "";
beforeAll(async () => {
  cast = await makeCast(db);
  story = await makeStory(db);
});

const staffOnly: Outcome[] = [
  "unauthenticated",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "ok",
  "ok",
];
const adminOnly: Outcome[] = [
  "unauthenticated",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "ok",
];

const comment = (status: "PUBLISHED" | "PENDING" | "REJECTED" = "PUBLISHED", authorId?: string) =>
  makeComment(db, { articleId: story, authorId: authorId ?? cast.reader, status });
const settings = {
  premoderation: "OFF" as const,
  premoderateFirstN: "1",
  maxLinks: "2",
  suspectWords: "",
  bannedWords: "",
  reportThreshold: "3",
  autoCloseDays: "",
};

/** [action, expected outcome per actor (ACTORS order), call]. */
const MATRIX: [string, Outcome[], (actor: string | null) => Promise<{ ok: boolean; code?: string }>][] = [
  [
    "approve comment",
    staffOnly,
    async (a) => moderateComment(a, { commentId: await comment("PENDING"), decision: "approve" }),
  ],
  [
    "reject comment",
    staffOnly,
    async (a) => moderateComment(a, { commentId: await comment(), decision: "reject", reason: "RULES" }),
  ],
  ["mark spam", staffOnly, async (a) => moderateComment(a, { commentId: await comment(), decision: "spam" })],
  [
    "restore comment",
    staffOnly,
    async (a) => moderateComment(a, { commentId: await comment("REJECTED"), decision: "restore" }),
  ],
  [
    "feature comment",
    staffOnly,
    async (a) => moderateComment(a, { commentId: await comment(), decision: "feature" }),
  ],
  [
    "pin comment",
    staffOnly,
    async (a) => moderateComment(a, { commentId: await comment(), decision: "pin" }),
  ],
  [
    "bulk approve",
    staffOnly,
    async (a) =>
      moderateComments(a, {
        commentIds: [await comment("PENDING"), await comment("PENDING")],
        decision: "approve",
      }),
  ],
  [
    "reply as staff",
    staffOnly,
    async (a) => replyAsStaff(a, { commentId: await comment(), body: "A word from the desk." }),
  ],
  ["list a queue", staffOnly, (a) => listQueue(a, { queue: "pending" })],
  ["count queues", staffOnly, (a) => countQueues(a)],
  ["list appeals", staffOnly, (a) => listAppeals(a)],
  ["read audit log", staffOnly, (a) => listAuditLog(a)],
  ["search users", staffOnly, (a) => searchUsers(a, { q: "a" })],
  ["read user detail", staffOnly, async (a) => getUserDetail(a, await makeUser(db))],
  ["read story controls", staffOnly, (a) => getArticleControls(a, story)],
  [
    "close story",
    staffOnly,
    async (a) =>
      updateArticleControls(a, {
        articleId: await makeStory(db),
        commentsClosed: "on",
        autoCloseDays: "",
        slowModeSeconds: "",
        premoderation: "SITE",
      }),
  ],
  ["edit site settings", adminOnly, (a) => updateSiteSettings(a, settings)],
  [
    "suspend a reader",
    staffOnly,
    async (a) =>
      applySanction(a, { userId: await makeUser(db), sanction: "suspend", hours: 24, reason: "Cooling off" }),
  ],
  [
    "ban a reader",
    staffOnly,
    async (a) =>
      applySanction(a, {
        userId: await makeUser(db),
        sanction: "ban",
        reason: "Spam run",
        rejectComments: true,
      }),
  ],
  [
    "shadow-ban a reader",
    staffOnly,
    async (a) => applySanction(a, { userId: await makeUser(db), sanction: "shadowban", reason: "Troll" }),
  ],
  [
    "lift a suspension",
    staffOnly,
    async (a) =>
      liftSanction(a, {
        userId: await makeUser(db, { status: "SUSPENDED", suspendedUntil: new Date(Date.now() + 3_600_000) }),
        sanction: "suspend",
      }),
  ],
  [
    "sanction a moderator",
    adminOnly,
    async (a) =>
      applySanction(a, {
        userId: await makeUser(db, { role: "MODERATOR" }),
        sanction: "premoderate",
        reason: "Second opinion",
      }),
  ],
  [
    "sanction an admin",
    ["unauthenticated", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden"],
    async (a) =>
      applySanction(a, {
        userId: await makeUser(db, { role: "ADMIN" }),
        sanction: "ban",
        reason: "Nobody may",
      }),
  ],
  [
    "change a role",
    adminOnly,
    async (a) => setUserRole(a, { userId: await makeUser(db), role: "MODERATOR" }),
  ],
  [
    "decide an appeal",
    staffOnly,
    async (a) => {
      const author = await makeUser(db);
      const appeal = await db.appeal.create({
        data: {
          userId: author,
          target: `comment:${await comment("REJECTED", author)}`,
          text: "Please look again.",
        },
      });
      return decideAppeal(a, { appealId: appeal.id, uphold: true });
    },
  ],
  [
    "report reader's comment",
    ["unauthenticated", "forbidden", "forbidden", "forbidden", "ok", "ok", "ok"],
    async (a) => reportComment(a, { commentId: await comment("PUBLISHED", cast.reader), reason: "ABUSE" }),
  ],
  [
    "appeal reader's rejected comment",
    ["unauthenticated", "not_found", "not_found", "ok", "not_found", "not_found", "not_found"],
    async (a) =>
      submitAppeal(a, {
        target: `comment:${await comment("REJECTED", cast.reader)}`,
        text: "It was a fair quotation.",
      }),
  ],
];

const results = new Map<string, Outcome[]>();

describe.each(MATRIX)("%s", (name, expected, call) => {
  it.each(ACTORS.map((actor, i) => [actor, expected[i]] as const))("as %s → %s", async (actor, outcome) => {
    const before = (await auditRows(db)).length;
    const result = await call(cast[actor]);
    const got = (result.ok ? "ok" : result.code) as Outcome;
    const row = results.get(name) ?? Array<Outcome>(ACTORS.length);
    row[ACTORS.indexOf(actor)] = got;
    results.set(name, row);
    expect(got).toBe(outcome);
    // A refused call leaves no trace in the audit log.
    if (!result.ok) expect((await auditRows(db)).length).toBe(before);
  });
});

afterAll(() => {
  const header = `| action | ${ACTORS.join(" | ")} |\n|---|${ACTORS.map(() => "---").join("|")}|`;
  const rows = MATRIX.map(
    ([name]) => `| ${name} | ${(results.get(name) ?? []).map((o) => o ?? "?").join(" | ")} |`,
  );
  console.log(
    `Authorization matrix (${process.env.DATABASE_URL?.startsWith("file:") ? "SQLite" : "PostgreSQL"}):\n\n${header}\n${rows.join("\n")}\n`,
  );
});
