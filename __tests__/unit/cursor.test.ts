import { decodeCursor, encodeCursor, pageRequestFrom } from "@/lib/dal/cursor";

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

  it("reads page requests from search params", () => {
    const raw = encodeCursor(c);
    expect(pageRequestFrom({})).toEqual({});
    expect(pageRequestFrom({ utm_source: "x" })).toEqual({});
    expect(pageRequestFrom({ before: raw })).toEqual({ before: raw });
    expect(pageRequestFrom({ after: raw })).toEqual({ after: raw });
    expect(pageRequestFrom({ before: raw, after: raw })).toBe("invalid");
    expect(pageRequestFrom({ before: [raw, raw] })).toBe("invalid");
    expect(pageRequestFrom({ before: "garbage!" })).toBe("invalid");
  });
});
