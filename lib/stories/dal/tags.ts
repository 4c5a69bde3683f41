import "server-only";
import { db } from "../../db";

export type TagDetail = { id: string; slug: string; name: string };

export async function findTagBySlug(slug: string): Promise<TagDetail | null> {
  if (slug.length > 200) return null;
  return db.tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
}
