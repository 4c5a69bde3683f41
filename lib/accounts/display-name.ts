// What a display name may look like, as pure functions: the schema (lib/accounts/schemas/account.ts) asks
// displayNameProblem, the rename (lib/accounts/dal/account.ts) adds what needs the database (staff names, names
// taken, the site's name) by comparing nameSkeleton values.
import { foldConfusables } from "@/lib/moderation/confusables";
import { findListedWord } from "@/lib/moderation/words";

/**
 * The name as a reader sees it, for comparing two names: look-alikes from other scripts mapped to
 * Latin, accents and invisibles gone, case folded, and the shapes that pass for one another in most
 * fonts made one (I, l, 1 and | all read "l"; 0 reads "o"; "rn" reads "m"; "vv" reads "w"), as Unicode
 * TR39's skeleton does. "Mοderator" (Greek ο) and "ModeratoI" both give "moderator"'s skeleton.
 */
export function nameSkeleton(name: string): string {
  return foldConfusables(name)
    .replace(/[i1|]/g, "l")
    .replace(/0/g, "o")
    .replace(/rn/g, "m")
    .replace(/vv/g, "w")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words no reader's name may contain, as a word, however it is disguised. */
const RESERVED_NAME_WORDS = [
  "moderator",
  "moderators",
  "mod",
  "mods",
  "admin",
  "admins",
  "administrator",
  "administrators",
  "staff",
  "editor",
  "editors",
  "system",
  "sysop",
  "official",
  "deleted",
  "anonymous",
];

const RESERVED_LIST = RESERVED_NAME_WORDS.map(nameSkeleton).join("\n");

/** The name a reader without one is shown as (lib/accounts/dal/users.ts displayName): "Reader" and 5 characters. */
const AUTOMATIC_NAME = /^reader[\s._-]*[a-z0-9]{5}$/;

/** At most this many combining marks on one letter, and in the whole name (counted after NFC). */
const MAX_MARKS_PER_LETTER = 2;
const MAX_MARKS = 8;

function tooManyMarks(name: string): boolean {
  // Marks NFC could not fold into a letter: Zalgo text piles them up; most scripts need few.
  const runs = name.normalize("NFC").match(/[\p{Mn}\p{Me}]+/gu) ?? [];
  const total = runs.reduce((sum, run) => sum + [...run].length, 0);
  return total > MAX_MARKS || runs.some((run) => [...run].length > MAX_MARKS_PER_LETTER);
}

/**
 * Why the (already trimmed, NFC) name may not be used, or null. `reserved` adds names of the site's
 * own (e.g. its title), matched like the reserved words.
 */
export function displayNameProblem(name: string, reserved: string[] = []): string | null {
  const skeleton = nameSkeleton(name);
  if (!/[\p{L}\p{N}]/u.test(skeleton)) return "Use at least one visible letter or digit.";
  if (tooManyMarks(name)) return "Use fewer accents and marks on the letters.";
  const list = reserved.length ? `${RESERVED_LIST}\n${reserved.map(nameSkeleton).join("\n")}` : RESERVED_LIST;
  if (findListedWord(skeleton, list) || AUTOMATIC_NAME.test(skeleton))
    return "That name is reserved. Choose another.";
  return null;
}
