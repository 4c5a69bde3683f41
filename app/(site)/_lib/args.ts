// Every "use cache" function is also a server function with an id of its own (Next lists them in
// server-reference-manifest.json), so anyone can POST it any arguments: an object where an id
// belongs would reach Prisma as a filter ({"not": "x"} matches every row). The cached readers check
// their arguments with these before anything else.
import { CACHE_TAG } from "@/lib/cache-tags";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A row id (cuid) as we issue them. */
export const isId = (v: unknown): v is string => typeof v === "string" && ID.test(v);

/** A slug as URLs carry it (decoded); findArticleBySlug and friends refuse longer ones too. */
export const isSlug = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 200;

/** An opaque cursor as a URL carries it; its decoder decides whether it is one we issued. */
export const isCursorText = (v: unknown): v is string =>
  typeof v === "string" && v.length > 0 && v.length <= 200;

export const isCacheTag = (v: unknown): v is string => typeof v === "string" && CACHE_TAG.test(v);

export const isListingKind = (v: unknown): v is "section" | "tag" | "author" =>
  v === "section" || v === "tag" || v === "author";
