// npm run seed:scale -- --articles 100000 [--comments 2000000] [--database-url URL] [--batch 2000] [--seed 1]
// Fills a database with generated stories for load and query-plan testing: spread over sections,
// tags and authors and about three years of dates, written in batched transactions. Adds to what is
// there (demo content stays); every run uses fresh ids and slugs. --comments adds readers and a long
// tail of comments over the published stories (scripts/lib/scale-comments.ts).
import { readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createPrismaClient, DEFAULT_DATABASE_URL, providerOf, type PrismaClient } from "../lib/prisma";
import { slugify } from "../lib/stories/importer/text";
import { migrate } from "../prisma/migrator";
import { loadEnvFiles, ROOT } from "./lib/run";
import { bulkWriter, type Batch } from "./lib/bulk-writer";
import { seedScaleComments, type ScaleComments } from "./lib/scale-comments";
import * as text from "./lib/scale-text";

const USAGE = `Usage: npm run seed:scale -- --articles N [--comments N] [--database-url URL] [--batch 2000] [--seed 1]

  --articles N        how many stories to add (0 with --comments: comment on the stories there)
  --comments N        how many comments to add: a long tail, one story with up to 20,000, one with ten
  --database-url URL  target database (default: DATABASE_URL, else ${DEFAULT_DATABASE_URL})
  --batch N           rows per transaction (default 2000)
  --seed N            seed for the text generator (default 1)`;
const SPAN = 3 * 365 * 24 * 60 * 60 * 1000;

type Ids = { sections: string[]; tags: string[]; authors: string[] };

/** Sections, tags and authors to spread stories over; existing (curated) rows are kept as they are. */
async function ensureTaxonomy(db: PrismaClient): Promise<Ids> {
  const sections = text.SCALE_SECTIONS.map((name, position) => ({ name, slug: slugify(name), position }));
  const tags = [...text.TAG_WORDS, ...Array.from({ length: 30 }, (_, i) => `Ward ${i + 1}`)].map((name) => ({
    name,
    slug: slugify(name),
  }));
  const authors = text.FIRST_NAMES.flatMap((first, i) =>
    [0, 1, 2].map((k) => `${first} ${text.LAST_NAMES[(i + k * 3) % text.LAST_NAMES.length]}`),
  ).map((name) => ({ name, slug: slugify(name) }));
  return db.$transaction(
    async (tx) => {
      const sectionRows = [];
      for (const s of sections)
        sectionRows.push(
          await tx.section.upsert({ where: { slug: s.slug }, create: s, update: {}, select: { id: true } }),
        );
      const tagRows = [];
      for (const t of tags)
        tagRows.push(
          await tx.tag.upsert({ where: { slug: t.slug }, create: t, update: {}, select: { id: true } }),
        );
      const authorRows = [];
      for (const a of authors)
        authorRows.push(
          await tx.author.upsert({ where: { slug: a.slug }, create: a, update: {}, select: { id: true } }),
        );
      return {
        sections: sectionRows.map((r) => r.id),
        tags: tagRows.map((r) => r.id),
        authors: authorRows.map((r) => r.id),
      };
      // A hundred-odd upserts: well inside a second on an idle database, past Prisma's 5 s default on a
      // busy one.
    },
    { timeout: 60_000 },
  );
}

function demoImages(): string[] {
  try {
    const dir = path.join(ROOT, "public", "images", "demo");
    return readdirSync(dir)
      .filter((f) => f.endsWith(".jpg"))
      .map((f) => `/images/demo/${f}`);
  } catch {
    return [];
  }
}

/** One batch of stories with their bylines and tags, all in one transaction. */
function buildBatch(
  r: text.Rand,
  ids: Ids,
  images: string[],
  run: string,
  from: number,
  to: number,
  now: number,
) {
  const { articles, bylines, tagLinks }: Batch = { articles: [], bylines: [], tagLinks: [] };
  for (let i = from; i < to; i++) {
    const id = `scale${run}${i.toString(36)}`;
    const head = text.headline(r);
    const image = images.length && r() < 0.7 ? text.pick(r, images) : null;
    articles.push({
      id,
      slug: `${slugify(head).slice(0, 60).replace(/-+$/, "")}-${run}${i.toString(36)}`,
      headline: head,
      standfirst: text.standfirst(r),
      body: text.body(r),
      heroImagePath: image,
      heroImageAlt: image ? "Abstract illustration in soft colours" : null,
      heroCaption: image ? "An illustration for this story" : null,
      heroCredit: image ? "Courier illustration" : null,
      publishedAt: new Date(now - Math.floor(r() * SPAN)),
      sectionId: text.pick(r, ids.sections),
    });
    const authorCount = r() < 0.85 ? 1 : 2;
    const authors = new Set<string>();
    while (authors.size < authorCount) authors.add(text.pick(r, ids.authors));
    [...authors].forEach((authorId, position) => bylines.push({ articleId: id, authorId, position }));
    const tags = new Set<string>();
    const tagCount = 1 + Math.floor(r() * 4);
    while (tags.size < tagCount) tags.add(text.pick(r, ids.tags));
    for (const tagId of tags) tagLinks.push({ articleId: id, tagId });
  }
  return { articles, bylines, tagLinks };
}

/** Adds `articles` generated stories to the database at `url`; `db` sets up the taxonomy. */
export async function seedScale(
  db: PrismaClient,
  url: string,
  opts: { articles: number; comments?: number; batch?: number; seed?: number; log?: (line: string) => void },
): Promise<{ seconds: number; comments: ScaleComments | null }> {
  const { articles, comments = 0, batch = 2000, seed = 1, log = console.log } = opts;
  const r = text.rng(seed);
  const ids = await ensureTaxonomy(db);
  const images = demoImages();
  const run = Date.now().toString(36);
  const now = Date.now();
  const writer = bulkWriter(url);
  const started = performance.now();
  try {
    for (let from = 0; from < articles; from += batch) {
      const to = Math.min(articles, from + batch);
      await writer.write(buildBatch(r, ids, images, run, from, to, now));
      const seconds = (performance.now() - started) / 1000;
      log(`${to}/${articles} articles (${Math.round(to / seconds)}/s)`);
    }
    const threads = comments > 0 ? await seedScaleComments(db, writer, { comments, run, seed, log }) : null;
    return { seconds: (performance.now() - started) / 1000, comments: threads };
  } finally {
    await writer.close();
  }
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: "string" },
        comments: { type: "string" },
        "database-url": { type: "string" },
        batch: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) return (console.log(USAGE), 0);
  const count = Number(values.articles ?? 0);
  const comments = Number(values.comments ?? 0);
  const batch = Number(values.batch ?? 2000);
  const seed = Number(values.seed ?? 1);
  if (
    !Number.isInteger(count) ||
    !Number.isInteger(comments) ||
    count < 0 ||
    comments < 0 ||
    count + comments < 1 ||
    !Number.isInteger(batch) ||
    batch < 1 ||
    !Number.isInteger(seed)
  ) {
    console.error(
      `--articles or --comments must be a positive whole number (both at least 0), --batch positive, --seed a whole number.\n\n${USAGE}`,
    );
    return 2;
  }
  loadEnvFiles();
  const url = values["database-url"] || process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  providerOf(url);
  await migrate(url, { log: (line) => console.log(line) });
  const db = createPrismaClient(url);
  try {
    const { seconds, comments: made } = await seedScale(db, url, { articles: count, comments, batch, seed });
    console.log(
      `Done: ${count} articles and ${comments} comments in ${seconds.toFixed(1)} s` +
        (made ? ` (comments ${made.seconds.toFixed(1)} s, ${Math.round(comments / made.seconds)}/s).` : "."),
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
