import "server-only";
import { db } from "../../db";

export type SectionLink = { slug: string; name: string };
export type SectionDetail = SectionLink & { id: string; description: string | null };

export async function listSections(): Promise<SectionLink[]> {
  return db.section.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { slug: true, name: true },
  });
}

export async function findSectionBySlug(slug: string): Promise<SectionDetail | null> {
  if (slug.length > 200) return null;
  return db.section.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true },
  });
}
