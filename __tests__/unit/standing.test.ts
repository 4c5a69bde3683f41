import { postingNotice, standingOf, type StandingUser } from "@/lib/moderation/standing";

const now = new Date("2026-12-01T12:00:00Z");
const reader: StandingUser = { role: "READER", status: "ACTIVE", suspendedUntil: null };

describe("standingOf", () => {
  it("lets an active reader post and report, and is not staff", () => {
    expect(standingOf(reader, now)).toMatchObject({
      state: "ACTIVE",
      canPost: true,
      canReport: true,
      isStaff: false,
      holdReason: null,
      sanctions: [],
    });
  });

  it("reads a lapsed suspension as active, and a running or open-ended one as suspended", () => {
    const lapsed = { ...reader, status: "SUSPENDED" as const, suspendedUntil: new Date(now.getTime() - 1) };
    expect(standingOf(lapsed, now)).toMatchObject({ state: "ACTIVE", canPost: true, until: null });
    const until = new Date(now.getTime() + 3_600_000);
    const running = { ...reader, status: "SUSPENDED" as const, suspendedUntil: until, statusReason: "Spam" };
    expect(standingOf(running, now)).toMatchObject({
      state: "SUSPENDED",
      canPost: false,
      canReport: false,
      until,
      reason: "Spam",
      sanctions: ["suspend"],
    });
    expect(standingOf({ ...running, suspendedUntil: null }, now).canPost).toBe(false);
  });

  it("takes staff powers from sanctioned staff", () => {
    expect(standingOf({ ...reader, role: "MODERATOR" }, now).isStaff).toBe(true);
    expect(standingOf({ ...reader, role: "ADMIN", status: "BANNED" }, now)).toMatchObject({
      isStaff: false,
      canPost: false,
      sanctions: ["ban"],
    });
  });

  it("lists pre-moderation and shadow-bans without stopping the author posting", () => {
    expect(standingOf({ ...reader, premoderate: true, shadowBanned: true }, now)).toMatchObject({
      canPost: true,
      holdReason: "premoderated",
      shadowBanned: true,
      sanctions: ["premoderate", "shadowban"],
    });
  });
});

describe("postingNotice", () => {
  it("says why a banned or suspended reader may not comment, and nothing for others", () => {
    expect(postingNotice(standingOf(reader, now))).toBeNull();
    const banned = standingOf({ ...reader, status: "BANNED", statusReason: "Abuse" }, now);
    expect(postingNotice(banned)).toBe("Your account may no longer comment.");
    expect(postingNotice(banned, "box")).toBe("Your account may no longer comment. Reason: Abuse");
    const suspended = standingOf(
      { ...reader, status: "SUSPENDED", suspendedUntil: new Date(now.getTime() + 3_600_000) },
      now,
    );
    expect(postingNotice(suspended)).toMatch(/^Your account is suspended until .+\.$/);
    expect(postingNotice(suspended, "box")).toMatch(/so you cannot comment\.$/);
  });
});
