// Writes parsed articles to the database. Works on SQLite and PostgreSQL alike: plain Prisma calls
// only, no raw SQL and no `mode: "insensitive"` (SQLite lacks it), so slugs do the matching.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/prisma";
import { tagsForArticle } from "@/lib/cache-tags";
import {
  articleInputSchema,
  ImportError,
  parseArticleFile,
  type ArticleInput,
  type ImportDefaults,
} from "./parse";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export type ImportResult = { slug: string; id: string; created: boolean };

/**
 * Creates or updates one article and everything it points to, all in one transaction: a failure at
 * any step leaves the database exactly as it was. Re-importing keeps the id, the original
 * publishedAt (unless the input gives one) and the comments-closed flag (unless given).
 */
export async function importArticle(db: PrismaClient, input: ArticleInput): Promise<ImportResult> {
  const a = articleInputSchema.parse(input);
  return db.$transaction(
    async (tx) => {
      // Sections, tags and authors may already carry curated names, bios and positions: create
      // missing ones, never overwrite.
      const section = await tx.section.upsert({
        where: { slug: a.section.slug },
        create: a.section,
        update: {},
        select: { id: true },
      });
      const tagIds: string[] = [];
      for (const tag of a.tags) {
        tagIds.push(
          (
            await tx.tag.upsert({
              where: { slug: tag.slug },
              create: tag,
              update: {},
              select: { id: true },
            })
          ).id,
        );
      }
      const authorIds: string[] = [];
      for (const author of a.authors) {
        const row = await tx.author.upsert({
          where: { slug: author.slug },
          create: author,
          update: {},
          select: { id: true },
        });
        authorIds.push(row.id);
      }

      // An article is found by its slug or, when it is being renamed, by one of its former slugs.
      const select = {
        id: true,
        headline: true,
        standfirst: true,
        body: true,
        publishedAt: true,
      } as const;
      const existing =
        (await tx.article.findUnique({ where: { slug: a.slug }, select })) ??
        (a.redirectFrom?.length
          ? await tx.article.findFirst({
              where: { slug: { in: a.redirectFrom } },
              orderBy: { createdAt: "asc" },
              select,
            })
          : null);
      const now = new Date();
      const fields = {
        headline: a.headline,
        standfirst: a.standfirst,
        body: a.bodyMarkdown,
        heroImagePath: a.image?.path ?? null,
        heroImageAlt: a.image?.alt ?? null,
        heroCaption: a.image?.caption ?? null,
        heroCredit: a.image?.credit ?? null,
        status: a.status,
        sectionId: section.id,
        ...(a.commentsClosed === undefined ? {} : { commentsClosed: a.commentsClosed }),
      };
      const publishedAt = a.publishedAt ?? existing?.publishedAt ?? (a.status === "PUBLISHED" ? now : null);

      let articleId: string;
      if (existing) {
        const contentChanged =
          existing.headline !== a.headline ||
          existing.standfirst !== a.standfirst ||
          existing.body !== a.bodyMarkdown;
        await tx.article.update({
          where: { id: existing.id },
          data: {
            slug: a.slug,
            ...fields,
            publishedAt,
            ...(contentChanged ? { contentUpdatedAt: now } : {}),
          },
        });
        articleId = existing.id;
        await tx.articleTag.deleteMany({ where: { articleId } });
        await tx.articleAuthor.deleteMany({ where: { articleId } });
      } else {
        const created = await tx.article.create({
          data: { slug: a.slug, ...fields, publishedAt },
          select: { id: true },
        });
        articleId = created.id;
      }

      await tx.articleTag.createMany({
        data: tagIds.map((tagId) => ({ articleId, tagId })),
      });
      await tx.articleAuthor.createMany({
        data: authorIds.map((authorId, position) => ({
          articleId,
          authorId,
          position,
        })),
      });
      await writeRedirects(tx, articleId, a);
      return { slug: a.slug, id: articleId, created: !existing };
    },
    // Generous limits: PostgreSQL under a parallel test run can be slow to hand out a connection.
    { maxWait: 10_000, timeout: 30_000 },
  );
}

async function writeRedirects(tx: Tx, articleId: string, a: ArticleInput): Promise<void> {
  // A live article owns its slug: an old redirect under that slug would never be reached.
  await tx.articleRedirect.deleteMany({ where: { slug: a.slug } });
  for (const slug of a.redirectFrom ?? []) {
    if (slug === a.slug) continue;
    const live = await tx.article.findUnique({
      where: { slug },
      select: { id: true },
    });
    if (live && live.id !== articleId) {
      throw new Error(
        `redirectFrom "${slug}" is the slug of another live article; rename or remove that one first`,
      );
    }
    // Re-pointing is deliberate: the newest import that claims an old slug gets its readers.
    await tx.articleRedirect.upsert({
      where: { slug },
      create: { slug, articleId },
      update: { articleId },
    });
  }
}

export type ImportFilesOptions = {
  onProgress?: (line: string) => void;
  defaults?: ImportDefaults;
};

export type ImportFilesSummary = {
  imported: number;
  updated: number;
  /** Cache tags of every page the imported stories appear on (lib/cache-tags.ts). */
  cacheTags: string[];
  failed: { file: string; message: string }[];
};

/** Imports files one by one; a bad file is reported and skipped, never fatal to the batch. */
export async function importFiles(
  db: PrismaClient,
  paths: string[],
  { onProgress = () => {}, defaults }: ImportFilesOptions = {},
): Promise<ImportFilesSummary> {
  const summary: ImportFilesSummary = { imported: 0, updated: 0, cacheTags: [], failed: [] };
  const touched = new Set<string>();
  // Two files with one slug would silently overwrite each other; the second one is refused instead.
  const slugOwners = new Map<string, string>();
  // Messages name each file by the path as given: in a batch of hundreds, a bare name is ambiguous.
  for (const [i, file] of paths.entries()) {
    const step = `[${i + 1}/${paths.length}]`;
    try {
      const input = parseArticleFile(file, await readText(file), defaults);
      const owner = slugOwners.get(input.slug);
      if (owner)
        throw new ImportError(file, `slug "${input.slug}" was already imported from ${owner} in this run`);
      // The pages the story leaves (an old section, tag or author) need refreshing as much as the
      // ones it joins, so the stored version's tags are collected before it changes.
      const before = await storedTags(db, [input.slug, ...(input.redirectFrom ?? [])]);
      const result = await importArticle(db, input);
      slugOwners.set(result.slug, file);
      for (const tag of [...before, ...tagsForArticle(input)]) touched.add(tag);
      summary[result.created ? "imported" : "updated"] += 1;
      onProgress(`${step} ${result.created ? "imported" : "updated"} ${result.slug}`);
    } catch (error) {
      const message = error instanceof ImportError ? error.message : `${file}: ${describe(error)}`;
      summary.failed.push({ file, message });
      onProgress(`${step} failed ${message}`);
    }
  }
  summary.cacheTags = [...touched];
  return summary;
}

async function storedTags(db: PrismaClient, slugs: string[]): Promise<string[]> {
  const rows = await db.article.findMany({
    where: { slug: { in: slugs } },
    select: {
      slug: true,
      section: { select: { slug: true } },
      tags: { select: { tag: { select: { slug: true } } } },
      authors: { select: { author: { select: { slug: true } } } },
    },
  });
  return rows.flatMap((row) =>
    tagsForArticle({
      slug: row.slug,
      section: row.section,
      tags: row.tags.map((t) => t.tag),
      authors: row.authors.map((a) => a.author),
    }),
  );
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new ImportError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? describe(error)})`,
    );
  }
}

/** Prisma's messages start with a call-site excerpt; the last line is the part a person needs. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = error.message
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? error.name;
}

const IMPORTABLE = new Set([".md", ".markdown", ".txt"]);

/**
 * Expands directories (recursively, sorted) into the importable files inside them. Files named
 * explicitly are kept whatever their extension, so the parser can say why it refuses them.
 */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(p);
      continue;
    }
    const entries = await readdir(p, { recursive: true, withFileTypes: true });
    files.push(
      ...entries
        .filter((e) => e.isFile() && IMPORTABLE.has(path.extname(e.name).toLowerCase()))
        .map((e) => path.join(e.parentPath, e.name))
        .sort(),
    );
  }
  return files;
}
