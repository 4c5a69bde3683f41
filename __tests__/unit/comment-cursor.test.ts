import { decodeCommentCursor, encodeCommentCursor, parseCommentSort } from "@/lib/comments/cursor";

describe("comment cursors", () => {
  const at = new Date("2026-11-15T08:00:00.123Z");

  it.each(["newest", "oldest"] as const)("round-trips a %s cursor", (sort) => {
    const raw = encodeCommentCursor({ sort, createdAt: at, id: "cabc123" });
    expect(decodeCommentCursor(raw, sort)).toEqual({ sort, createdAt: at, id: "cabc123" });
  });

  it("round-trips a top cursor, negative scores included", () => {
    const raw = encodeCommentCursor({ sort: "top", score: -3, id: "cabc123" });
    expect(decodeCommentCursor(raw, "top")).toEqual({ sort: "top", score: -3, id: "cabc123" });
  });

  it("refuses another sort's cursor, garbage and hostile input", () => {
    const newest = encodeCommentCursor({ sort: "newest", createdAt: at, id: "cabc123" });
    expect(decodeCommentCursor(newest, "oldest")).toBeNull();
    expect(decodeCommentCursor(newest, "top")).toBeNull();
    for (const raw of [
      undefined,
      null,
      42,
      "",
      "!!!",
      "a".repeat(500),
      Buffer.from("n.1.x y").toString("base64url"),
    ])
      expect(decodeCommentCursor(raw, "newest")).toBeNull();
  });

  it("reads unknown sorts as newest", () => {
    expect(parseCommentSort("top")).toBe("top");
    expect(parseCommentSort("oldest")).toBe("oldest");
    expect(parseCommentSort(["top"])).toBe("newest");
    expect(parseCommentSort("<script>")).toBe("newest");
  });
});
