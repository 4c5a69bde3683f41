/**
 * True for a path into our own public/images/ folder. Such paths may go through next/image without
 * making it fetch from elsewhere; `..` never passes, so a stored path cannot climb out of the folder.
 */
export function isLocalImagePath(src: unknown): src is string {
  return typeof src === "string" && /^\/images\/[A-Za-z0-9/_.-]+$/.test(src) && !src.includes("..");
}
