// One rule for what a user's account standing allows: post, report, act as staff, and why not. Every
// check asks standingOf rather than reading status, suspendedUntil and the flags itself, because a
// suspension lapses by time alone (the row still says SUSPENDED after it ends).
import { formatDateTime } from "@/lib/format/date";

export type StandingUser = {
  role: "READER" | "MODERATOR" | "ADMIN";
  status: "ACTIVE" | "SUSPENDED" | "BANNED";
  suspendedUntil: Date | null;
  statusReason?: string | null;
  premoderate?: boolean;
  shadowBanned?: boolean;
};

type SanctionKind = "suspend" | "ban" | "premoderate" | "shadowban";

export type Standing = {
  /** BANNED, SUSPENDED while the suspension lasts, else ACTIVE (a lapsed suspension reads ACTIVE). */
  state: "ACTIVE" | "SUSPENDED" | "BANNED";
  /** May write comments, edit, vote and report: neither banned nor suspended. */
  canPost: boolean;
  canReport: boolean;
  /** A moderator or admin in good standing: sanctioned staff lose their powers with their voice. */
  isStaff: boolean;
  /** Every new comment waits for a moderator (the user's own pre-moderation sanction). */
  holdReason: "premoderated" | null;
  shadowBanned: boolean;
  /** When a suspension ends; null otherwise. */
  until: Date | null;
  reason: string | null;
  /** The sanctions in force, for the moderators' views and the appeal rules. */
  sanctions: SanctionKind[];
};

export function standingOf(user: StandingUser, now: Date = new Date()): Standing {
  const suspended =
    user.status === "SUSPENDED" && (user.suspendedUntil === null || user.suspendedUntil > now);
  const state = user.status === "BANNED" ? "BANNED" : suspended ? "SUSPENDED" : "ACTIVE";
  const active = state === "ACTIVE";
  const sanctions: SanctionKind[] = [];
  if (state === "BANNED") sanctions.push("ban");
  if (state === "SUSPENDED") sanctions.push("suspend");
  if (user.premoderate) sanctions.push("premoderate");
  if (user.shadowBanned) sanctions.push("shadowban");
  return {
    state,
    canPost: active,
    canReport: active,
    isStaff: active && user.role !== "READER",
    holdReason: user.premoderate ? "premoderated" : null,
    shadowBanned: !!user.shadowBanned,
    until: state === "SUSPENDED" ? user.suspendedUntil : null,
    reason: state === "ACTIVE" ? null : (user.statusReason ?? null),
    sanctions,
  };
}

/** Why a signed-in reader may not comment, in the words the comment box and the write refusal use. */
export function postingNotice(standing: Standing, context: "write" | "box" = "write"): string | null {
  const reason = standing.reason ? ` Reason: ${standing.reason}` : "";
  if (standing.state === "BANNED")
    return `Your account may no longer comment.${context === "box" ? reason : ""}`;
  if (standing.state === "SUSPENDED") {
    const until = standing.until ? ` until ${formatDateTime(standing.until)}` : "";
    return context === "box"
      ? `Your account is suspended${until}, so you cannot comment.${reason}`
      : `Your account is suspended${until}.${reason}`;
  }
  return null;
}

/**
 * Why a moderator may not put this author's comment out now (approving a held comment, restoring a
 * rejected one), or null when they may. A banned or suspended author's comment waits until the
 * sanction is lifted or ends, as it does when an appeal against its rejection is upheld.
 */
export function publishingRefusal(standing: Standing): string | null {
  if (standing.state === "BANNED")
    return "Its author is banned, so it cannot be published. Lift the ban first, or reject it.";
  if (standing.state === "SUSPENDED") {
    const until = standing.until ? ` until ${formatDateTime(standing.until)}` : "";
    return `Its author is suspended${until}, so it cannot be published while the suspension lasts. Lift the suspension first, or reject it.`;
  }
  return null;
}
