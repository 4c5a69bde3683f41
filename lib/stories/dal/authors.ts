import "server-only";
import { db } from "../../db";

export type AuthorDetail = {
  id: string;
  slug: string;
  name: string;
  bio: string | null;
  avatarPath: string | null;
};

export async function findAuthorBySlug(slug: string): Promise<AuthorDetail | null> {
  if (slug.length > 200) return null;
  return db.author.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, bio: true, avatarPath: true },
  });
}
