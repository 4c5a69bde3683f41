// Demo comments (content/demo/comments.json, our own writing): a few readers talking under three
// stories, with one reply chain past depth 3 and a staff answer. Rows have fixed ids and are upserted,
// so seeding twice changes nothing. Threading follows the same rule as replies posted on the site.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { PrismaClient } from "../lib/prisma";
import { COMMENT_MAX_DEPTH } from "../lib/comments/types";

const fileSchema = z.object({
  readers: z.array(
    z.object({ id: z.string(), name: z.string(), role: z.enum(["READER", "MODERATOR", "ADMIN"]) }),
  ),
  stories: z.array(
    z.object({
      slug: z.string(),
      comments: z.array(
        z.object({
          id: z.string(),
          author: z.string(),
          /** Minutes after the story was published. */
          minutes: z.number().int().positive(),
          replyTo: z.string().optional(),
          body: z.string().min(1),
        }),
      ),
    }),
  ),
});

type Placed = { depth: number; parentId: string | null; threadId: string | null };

export async function seedDemoComments(db: PrismaClient, dir: string, now = new Date()): Promise<number> {
  const file = path.join(dir, "comments.json");
  const data = fileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  for (const { id, name, role } of data.readers)
    await db.user.upsert({ where: { id }, create: { id, name, role }, update: { name, role } });

  let count = 0;
  for (const story of data.stories) {
    const article = await db.article.findUnique({
      where: { slug: story.slug },
      select: { id: true, publishedAt: true },
    });
    if (!article?.publishedAt) continue;
    const placed = new Map<string, Placed>();
    // A story seeded minutes ago cannot have comments from hours later: move the talk back, in order.
    const last =
      article.publishedAt.getTime() + Math.max(0, ...story.comments.map((c) => c.minutes)) * 60_000;
    const shift = Math.max(0, last - now.getTime());
    for (const c of story.comments) {
      const parent = c.replyTo ? placed.get(c.replyTo) : undefined;
      if (c.replyTo && !parent)
        throw new Error(`${file}: ${c.id} answers ${c.replyTo}, which comes later or not at all`);
      const here: Placed = !parent
        ? { depth: 1, parentId: null, threadId: null }
        : parent.depth < COMMENT_MAX_DEPTH
          ? { depth: parent.depth + 1, parentId: c.replyTo!, threadId: parent.threadId ?? c.replyTo! }
          : { depth: COMMENT_MAX_DEPTH, parentId: parent.parentId, threadId: parent.threadId };
      placed.set(c.id, here);
      const row = {
        articleId: article.id,
        authorId: c.author,
        body: c.body,
        ...here,
        replyToId: parent && parent.depth >= COMMENT_MAX_DEPTH ? c.replyTo! : null,
        createdAt: new Date(article.publishedAt.getTime() + c.minutes * 60_000 - shift),
      };
      await db.comment.upsert({ where: { id: c.id }, create: { id: c.id, ...row }, update: row });
      count += 1;
    }
  }
  return count;
}
