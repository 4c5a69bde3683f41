// Comments for the scale seeder: a long tail over the published stories (most a few, a handful
// hundreds), one story with a very long thread (20,000 by default, with replies) and one story with
// exactly ten, so the benchmark can set the long thread's pages beside a small one's. Readers and
// comments go in as raw batched inserts (bulk-writer.ts), threaded as the site threads replies.
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "../../lib/prisma";
import { COMMENT_MAX_DEPTH } from "../../lib/comments/types";
import type { BulkWriter, Cell } from "./bulk-writer";
import * as text from "./scale-text";

const BIG_THREAD = 20_000;
const READERS = 500;
const COMMENT_COLUMNS = [
  "id",
  "articleId",
  "authorId",
  "parentId",
  "threadId",
  "depth",
  "body",
  "status",
  "score",
  "featured",
  "reportCount",
  "createdAt",
  "updatedAt",
];
const USER_COLUMNS = [
  "id",
  "name",
  "role",
  "status",
  "premoderate",
  "shadowBanned",
  "createdAt",
  "updatedAt",
];

type Placed = { id: string; depth: number; threadId: string | null; parentId: string | null };
type Story = { id: string; publishedAt: Date };

export type ScaleComments = { bigStoryId: string | null; tenStoryId: string | null; seconds: number };

const SENTENCES = [
  "This matches what I saw on the ferry this morning.",
  "Thanks for covering the council meeting; nobody else did.",
  "I would like to know what the harbour board thinks of this.",
  "The numbers in the third paragraph do not add up for me.",
  "Our street has waited two years for the same repair.",
  "Good reporting, and a fair hearing for both sides.",
  "Does anyone know when the consultation closes?",
  "My grandmother remembers the last time this happened.",
];

function commentBody(r: text.Rand): string {
  const n = 1 + Math.floor(r() * 3);
  return Array.from({ length: n }, () => text.pick(r, SENTENCES)).join(" ");
}

/**
 * Where a new comment goes in a story: a new thread, or a reply to an earlier comment of a thread
 * (up to COMMENT_MAX_DEPTH; deeper answers sit beside their parent, as on the site).
 */
function place(r: text.Rand, id: string, earlier: Placed[], replyShare: number): Placed {
  if (earlier.length === 0 || r() >= replyShare) return { id, depth: 1, threadId: null, parentId: null };
  // Recent comments draw most replies.
  const parent = earlier[earlier.length - 1 - Math.floor(earlier.length * r() * r())];
  if (parent.depth < COMMENT_MAX_DEPTH)
    return { id, depth: parent.depth + 1, threadId: parent.threadId ?? parent.id, parentId: parent.id };
  return { id, depth: COMMENT_MAX_DEPTH, threadId: parent.threadId, parentId: parent.parentId };
}

/**
 * The long thread's share of `comments`: 20,000 once there are a thousand more for the rest (the
 * bench's 21,000; half, as it once was, gave it 10,500), half of a smaller total.
 */
export function longThreadSize(comments: number): number {
  return Math.min(BIG_THREAD, Math.max(Math.floor(comments / 2), comments - 1_000));
}

/** How many comments each story gets: the long and the ten-comment threads, the rest a long tail. */
function spread(r: text.Rand, stories: number, total: number, big: number): number[] {
  const counts = new Array<number>(stories).fill(0);
  if (stories === 0) return counts;
  counts[0] = Math.min(big, total);
  if (stories > 1) counts[1] = Math.min(10, total - counts[0]);
  const rest = total - counts[0] - counts[1];
  const others = stories - 2;
  // A power law over the other stories: r² piles comments onto the first few, leaves most with few.
  for (let i = 0; i < rest && others > 0; i++) counts[2 + Math.floor(others * r() * r())]++;
  return counts;
}

export async function seedScaleComments(
  db: PrismaClient,
  writer: BulkWriter,
  opts: { comments: number; run: string; seed?: number; batch?: number; log?: (line: string) => void },
): Promise<ScaleComments> {
  const { comments, run, seed = 1, batch = 5000, log = console.log } = opts;
  const started = performance.now();
  const r = text.rng(seed + 7);
  const now = new Date();
  // Newest first: the long thread lands on a story readers would find on the front page.
  const stories: Story[] = (
    await db.article.findMany({
      where: { status: "PUBLISHED", publishedAt: { not: null, lte: now } },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      select: { id: true, publishedAt: true },
    })
  ).map((s) => ({ id: s.id, publishedAt: s.publishedAt! }));
  if (stories.length === 0) throw new Error("--comments needs published stories to comment on");
  // The ten-comment story is the second newest, the long thread the newest.
  const counts = spread(r, stories.length, comments, longThreadSize(comments));

  const readers: Cell[][] = Array.from({ length: READERS }, (_, i) => [
    `scaleuser${run}${i.toString(36)}`,
    `${text.pick(r, text.FIRST_NAMES)} ${text.pick(r, text.LAST_NAMES)} ${i + 1}`,
    "READER",
    "ACTIVE",
    false,
    false,
    now,
    now,
  ]);
  await writer.insert("User", USER_COLUMNS, readers);

  let rows: Cell[][] = [];
  let written = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    await writer.insert("Comment", COMMENT_COLUMNS, rows);
    written += rows.length;
    rows = [];
    const seconds = (performance.now() - started) / 1000;
    log(`${written}/${comments} comments (${Math.round(written / seconds)}/s)`);
  };
  let serial = 0;
  for (let s = 0; s < stories.length; s++) {
    const count = counts[s];
    if (count === 0) continue;
    const story = stories[s];
    const from = story.publishedAt.getTime();
    // Comments spread over the time since publication (at most a week), in order.
    const span = Math.max(1000, Math.min(now.getTime() - from, 7 * 24 * 3600 * 1000));
    const placed: Placed[] = [];
    for (let k = 0; k < count; k++) {
      const id = `scalec${run}${(serial++).toString(36)}`;
      const here = place(r, id, placed, s === 0 ? 0.6 : 0.4);
      placed.push(here);
      const at = new Date(from + Math.floor(((k + r()) / count) * span));
      rows.push([
        id,
        story.id,
        `scaleuser${run}${Math.floor(r() * READERS).toString(36)}`,
        here.parentId,
        here.threadId,
        here.depth,
        commentBody(r),
        "PUBLISHED",
        Math.floor(r() * r() * 20),
        false,
        0,
        at,
        at,
      ]);
      if (rows.length >= batch) await flush();
    }
  }
  await flush();
  return {
    bigStoryId: counts[0] > 0 ? stories[0].id : null,
    tenStoryId: counts[1] === 10 ? stories[1].id : null,
    seconds: (performance.now() - started) / 1000,
  };
}
