// The server-action ids this build knows, read once from its server-reference manifest, so proxy.ts
// can refuse an unknown id before Next does: Next logs every unknown id with a stack trace, and a
// form posted from a page of the previous deploy (ids are hashes of file and name) would lose what
// the reader typed. Node-only (proxy.ts runs in the Node.js runtime).
import { readFileSync } from "node:fs";
import path from "node:path";

/** Next's ids are 42 hex characters; anything else cannot name an action. */
export const ACTION_ID_LENGTH = 42;

type ManifestEntry = { filename?: string; exportedName?: string };
type Manifest = { node?: Record<string, ManifestEntry>; edge?: Record<string, ManifestEntry> };
/** An action as the manifest names it: its file (relative to the project) and export. */
type ActionName = { filename: string; exportedName: string };

/** A build's server-reference manifest (`distDir` relative to the working directory); throws without one. */
export function readActionManifest(distDir: string): Manifest {
  const file = path.resolve(distDir, "server", "server-reference-manifest.json");
  return JSON.parse(readFileSync(file, "utf8")) as Manifest;
}

/** The ids, in a manifest, of the named actions. */
export function actionIdsIn(m: Manifest, actions: readonly ActionName[]): Set<string> {
  const ids = new Set<string>();
  for (const [id, entry] of Object.entries({ ...m.edge, ...m.node }))
    if (actions.some((a) => a.filename === entry.filename && a.exportedName === entry.exportedName))
      ids.add(id);
  return ids;
}

let manifest: Manifest | null | undefined;

/** The running build's server-reference manifest, read once; null in development or without one. */
function buildManifest(): Manifest | null {
  if (manifest !== undefined) return manifest;
  if (process.env.NODE_ENV !== "production") return (manifest = null);
  try {
    manifest = readActionManifest(process.env.NEXT_DIST_DIR || ".next");
  } catch {
    manifest = null;
  }
  return manifest;
}

let known: ReadonlySet<string> | null | undefined;

/**
 * Every action id of the running build, or null when it cannot be known (development, where the
 * manifest grows as routes compile, or no manifest): then nothing is refused here and Next decides.
 */
export function knownActionIds(): ReadonlySet<string> | null {
  if (known !== undefined) return known;
  const m = buildManifest();
  return (known = m && new Set([...Object.keys(m.node ?? {}), ...Object.keys(m.edge ?? {})]));
}

/**
 * Actions whose answer is their result alone, never a re-rendered page: a post or reply from the
 * comment form answers its comment's id (lib/comments/actions.ts), a couple of hundred bytes. (A vote
 * may expire the story's comments at once, and its answer then carries them.)
 */
const RESULT_ONLY_ACTIONS = [
  { filename: "lib/comments/actions.ts", exportedName: "postComment" },
  { filename: "lib/comments/actions.ts", exportedName: "replyToComment" },
] as const;

/** The ids, in a manifest, of the actions RESULT_ONLY_ACTIONS names. */
export const resultOnlyIdsIn = (m: Manifest) => actionIdsIn(m, RESULT_ONLY_ACTIONS);

let resultOnly: ReadonlySet<string> | undefined;

/** Whether an action id names one whose answer is its result alone (false when unknown). */
export function answersResultOnly(actionId: string): boolean {
  const m = buildManifest();
  resultOnly ??= m ? resultOnlyIdsIn(m) : new Set();
  return resultOnly.has(actionId);
}

/**
 * The action ids a no-JavaScript form post names, as React's decodeAction reads them: a
 * `$ACTION_ID_<id>` field (an action without bound arguments), or `$ACTION_REF_<n>` with its
 * descriptor `{"id":"<id>",…}` in `$ACTION_<n>:0`. A descriptor that cannot be read names "".
 */
export function formActionIds(form: FormData): string[] {
  const ids: string[] = [];
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION_ID_")) ids.push(key.slice("$ACTION_ID_".length));
    else if (key.startsWith("$ACTION_REF_")) {
      const descriptor = form.get(`$ACTION_${key.slice("$ACTION_REF_".length)}:0`);
      let id = "";
      try {
        const parsed: unknown = typeof descriptor === "string" ? JSON.parse(descriptor) : null;
        if (parsed && typeof parsed === "object" && "id" in parsed && typeof parsed.id === "string")
          id = parsed.id;
      } catch {
        // unreadable: stays ""
      }
      ids.push(id);
    }
  }
  return ids;
}
