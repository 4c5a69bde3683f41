// The authorization matrix: every moderation DAL action called as each kind of actor, with the exact
// outcome expected. Each call gets fresh targets, so one actor's success cannot change another's result.
// The test prints the matrix as a markdown table (README "Moderation" quotes it).
jest.mock("@/lib/accounts/auth/auth", () => ({ auth: async () => null }));

import { decideAppeal, submitAppeal } from "@/lib/moderation/dal/appeals";
import { listAuditLog } from "@/lib/moderation/dal/audit-log";
import { moderateComment, moderateComments } from "@/lib/moderation/dal/decisions";
import type { CommentDecisionKind } from "@/lib/moderation/schema";
import { countQueues, listAppeals, listQueue } from "@/lib/moderation/dal/queues";
import { replyAsStaff } from "@/lib/moderation/dal/reply";
import { getArticleControls, updateArticleControls, updateSiteSettings } from "@/lib/moderation/dal/settings";
import { getUserDetail, searchUsers } from "@/lib/moderation/dal/users";
import { reportComment } from "@/lib/moderation/dal/reports";
import { applySanction, liftSanction, setUserRole } from "@/lib/moderation/dal/sanctions";
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

// Comment decisions follow the sanction hierarchy: every decision, by every kind of caller, on comments
// by every kind of author. Nobody decides on their own comment; moderators on readers' comments only;
// admins on anyone else's. In bulk a refused comment is skipped with the reason ("skipped").
const CALLERS = ["anonymous", "reader", "suspendedModerator", "moderator", "admin"] as const;
const AUTHORS = ["reader", "moderator", "admin", "self"] as const;
type Caller = (typeof CALLERS)[number];
type AuthorKind = (typeof AUTHORS)[number];
const WHO_DECIDES: Record<Caller, Record<AuthorKind, Outcome>> = {
  anonymous: {
    reader: "unauthenticated",
    moderator: "unauthenticated",
    admin: "unauthenticated",
    self: "unauthenticated",
  },
  reader: { reader: "forbidden", moderator: "forbidden", admin: "forbidden", self: "forbidden" },
  suspendedModerator: { reader: "forbidden", moderator: "forbidden", admin: "forbidden", self: "forbidden" },
  moderator: { reader: "ok", moderator: "forbidden", admin: "forbidden", self: "forbidden" },
  admin: { reader: "ok", moderator: "ok", admin: "ok", self: "forbidden" },
};
type Kind = "PUBLISHED" | "PENDING" | "REJECTED" | "featured" | "pinned";
const DECISION_CASES: [CommentDecisionKind, Kind][] = [
  ["approve", "PENDING"],
  ["reject", "PUBLISHED"],
  ["spam", "PUBLISHED"],
  ["restore", "REJECTED"],
  ["feature", "PUBLISHED"],
  ["unfeature", "featured"],
  ["pin", "PUBLISHED"],
  ["unpin", "pinned"],
];

describe("comment decisions by caller and author", () => {
  let callers: Record<Caller, string | null>;
  let authors: Record<Exclude<AuthorKind, "self">, string>;
  beforeAll(async () => {
    callers = {
      anonymous: null,
      reader: cast.reader,
      suspendedModerator: await makeUser(db, {
        name: "Suspended Moderator",
        role: "MODERATOR",
        status: "SUSPENDED",
        suspendedUntil: new Date(Date.now() + 86_400_000),
      }),
      moderator: cast.moderator,
      admin: cast.admin,
    };
    authors = {
      reader: cast.otherReader,
      moderator: await makeUser(db, { name: "Other Moderator", role: "MODERATOR" }),
      admin: await makeUser(db, { name: "Other Admin", role: "ADMIN" }),
    };
  });
  const authorOf = (caller: Caller, author: AuthorKind) =>
    author === "self" ? (callers[caller] ?? cast.reader) : authors[author];
  const commentOf = async (authorId: string, kind: Kind) => {
    const id = await makeComment(db, {
      articleId: story,
      authorId,
      status: kind === "featured" || kind === "pinned" ? "PUBLISHED" : kind,
    });
    if (kind === "featured") await db.comment.update({ where: { id }, data: { featured: true } });
    if (kind === "pinned") await db.comment.update({ where: { id }, data: { pinnedAt: new Date() } });
    return id;
  };
  const cases = DECISION_CASES.flatMap(([decision, kind]) =>
    CALLERS.flatMap((caller) =>
      AUTHORS.map((author) => [decision, caller, author, WHO_DECIDES[caller][author], kind] as const),
    ),
  );

  it.each(cases)("%s by %s on a %s's comment → %s", async (decision, caller, author, outcome, kind) => {
    const commentId = await commentOf(authorOf(caller, author), kind);
    const before = await db.comment.findUniqueOrThrow({ where: { id: commentId } });
    const audit = (await auditRows(db)).length;
    const result = await moderateComment(callers[caller], { commentId, decision, reason: "RULES" });
    expect(result.ok ? "ok" : result.code).toBe(outcome);
    if (!result.ok) {
      expect(await db.comment.findUniqueOrThrow({ where: { id: commentId } })).toEqual(before);
      expect((await auditRows(db)).length).toBe(audit);
    }
  });

  it.each(
    CALLERS.flatMap((caller) =>
      AUTHORS.map((author) => [caller, author, WHO_DECIDES[caller][author]] as const),
    ),
  )(
    "bulk reject by %s of a %s's comments → %s (refused ones skipped with the reason)",
    async (caller, author, outcome) => {
      const ids = [
        await commentOf(authorOf(caller, author), "PUBLISHED"),
        await commentOf(authorOf(caller, author), "PUBLISHED"),
      ];
      const result = await moderateComments(callers[caller], {
        commentIds: ids,
        decision: "reject",
        reason: "RULES",
      });
      const staff = caller === "moderator" || caller === "admin";
      if (!staff) return expect(result).toMatchObject({ ok: false, code: outcome });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      if (outcome === "ok") {
        expect(result.done.map((d) => d.commentId)).toEqual(ids);
        expect(result.skipped).toEqual([]);
      } else {
        expect(result.done).toEqual([]);
        expect(result.skipped).toEqual(
          ids.map((commentId) => ({
            commentId,
            message: expect.stringMatching(/own comment|Only an administrator/),
          })),
        );
        for (const id of ids)
          expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");
      }
    },
  );
});

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
