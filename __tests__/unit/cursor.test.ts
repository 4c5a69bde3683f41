import { decodeCursor, encodeCursor, legacyCursorFrom } from "@/lib/stories/cursor";

const c = { publishedAt: new Date("2026-11-15T08:00:00.123Z"), id: "cmabc123xyz" };

describe("keyset cursors", () => {
  it("round-trips and is URL-safe", () => {
    const raw = encodeCursor(c);
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(raw)).toEqual(c);
  });

  it.each([
    ["empty", ""],
    ["not base64url", "abc$%^"],
    ["no separator", Buffer.from("12345").toString("base64url")],
    ["bad id", Buffer.from("12345.<script>").toString("base64url")],
    ["huge time", Buffer.from("99999999999999999.abc").toString("base64url")],
    ["too long", "a".repeat(500)],
    ["not a string", ["a", "b"]],
    ["SQL", "' OR 1=1 --"],
  ])("rejects %s", (_, raw) => {
    expect(decodeCursor(raw)).toBeNull();
  });

  it("reads the cursor of an old ?before= / ?after= URL", () => {
    const raw = encodeCursor(c);
    const q = (s: string) => legacyCursorFrom(new URLSearchParams(s));
    expect(q("")).toBeNull();
    expect(q("utm_source=x")).toBeNull();
    expect(q(`before=${raw}`)).toEqual({ direction: "before", cursor: c, raw });
    expect(q(`after=${raw}&utm_source=x`)).toEqual({ direction: "after", cursor: c, raw });
    expect(q(`before=${raw}&after=${raw}`)).toBe("invalid");
    expect(q(`before=${raw}&before=${raw}`)).toBe("invalid");
    expect(q("before=garbage!")).toBe("invalid");
    expect(q("after=")).toBe("invalid");
  });
});
