// Demo content for a fresh install: four sections, three authors and twelve articles from
// content/demo, imported through the same code path as `npm run articles:import`.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { createPrismaClient, type PrismaClient } from "../lib/prisma";
import { importArticle } from "../lib/stories/importer/import";
import { parseArticleFile } from "../lib/stories/importer/parse";
import { seedDemoComments } from "./seed-comments";

const DEMO_DIR = path.join(__dirname, "..", "content", "demo");
const DAY = 24 * 60 * 60 * 1000;

const sectionsSchema = z.array(
  z.object({ name: z.string(), slug: z.string(), description: z.string(), position: z.number().int() }),
);
const authorsSchema = z.array(
  z.object({ name: z.string(), slug: z.string(), bio: z.string(), avatar: z.string() }),
);

export type SeedCounts = {
  articles: number;
  sections: number;
  authors: number;
  tags: number;
  comments: number;
};
export type SeedOptions = { now?: Date; dir?: string };

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(file, "utf8")));
}

export async function seed(
  db: PrismaClient,
  { now = new Date(), dir = DEMO_DIR }: SeedOptions = {},
): Promise<SeedCounts> {
  const sections = readJson(path.join(dir, "sections.json"), sectionsSchema);
  const authors = readJson(path.join(dir, "authors.json"), authorsSchema);
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => parseArticleFile(f, readFileSync(path.join(dir, f), "utf8")));

  await db.$transaction(async (tx) => {
    for (const { name, slug, description, position } of sections) {
      const data = { name, description, position };
      await tx.section.upsert({ where: { slug }, create: { slug, ...data }, update: data });
    }
    for (const { name, slug, bio, avatar } of authors) {
      const data = { name, bio, avatarPath: avatar };
      await tx.author.upsert({ where: { slug }, create: { slug, ...data }, update: data });
    }
  });

  // The files carry fixed dates, so slugs and order never change; shifting them by whole days
  // keeps the newest story at most a day old whenever the demo is seeded, without any in the future.
  const newest = Math.max(...articles.map((a) => a.publishedAt?.getTime() ?? 0));
  const shift = Math.max(0, Math.floor((now.getTime() - newest) / DAY)) * DAY;
  for (const article of articles) {
    const publishedAt = article.publishedAt ? new Date(article.publishedAt.getTime() + shift) : now;
    await importArticle(db, { ...article, publishedAt });
  }
  const comments = await seedDemoComments(db, dir, now);

  return {
    articles: articles.length,
    sections: sections.length,
    authors: authors.length,
    tags: new Set(articles.flatMap((a) => a.tags.map((t) => t.slug))).size,
    comments,
  };
}

/** Seeds only a database without articles, so it is safe to run on every start. */
export async function seedIfEmpty(
  db: PrismaClient,
  options?: SeedOptions,
): Promise<{ seeded: boolean } & SeedCounts> {
  if ((await db.article.count()) > 0) {
    return { seeded: false, articles: 0, sections: 0, authors: 0, tags: 0, comments: 0 };
  }
  return { seeded: true, ...(await seed(db, options)) };
}

async function main() {
  const { env } = await import("../lib/env");
  const { migrate } = await import("./migrator");
  await migrate(env.DATABASE_URL, { log: (line) => console.log(line) });
  const db = createPrismaClient(env.DATABASE_URL);
  try {
    const result = await seedIfEmpty(db);
    console.log(
      result.seeded
        ? `Seeded ${result.articles} articles, ${result.sections} sections, ${result.authors} authors, ${result.tags} tags and ${result.comments} comments.`
        : "The database already has articles; nothing seeded.",
    );
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
