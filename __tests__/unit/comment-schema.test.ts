import { blockNestingDepth } from "@/lib/comments/nesting";
import { fieldErrorsOf, formFields } from "@/lib/result";
import {
  commentBodySchema,
  commentLength,
  normalizeCommentBody,
  postCommentSchema,
  replyToCommentSchema,
  voteCommentSchema,
} from "@/lib/comments/schema";

function form(fields: Record<string, string | Blob>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe("normalizeCommentBody", () => {
  it("trims, composes to NFC and keeps newlines and tabs", () => {
    expect(normalizeCommentBody("  Cafe\u0301\tbar\n- item  ")).toBe("Café\tbar\n- item");
  });

  it("strips C0/C1 controls, the BOM and bidi overrides, keeping directional marks", () => {
    expect(normalizeCommentBody("a\u0000b\u0007c\u001bd\u007f\u0085e\uFEFF")).toBe("abcde");
    // "Trojan Source": an override makes the text display in another order than it reads.
    expect(normalizeCommentBody("pay \u202Eevil\u202C now \u2066x\u2069")).toBe("pay evil now x");
    expect(normalizeCommentBody("שלום\u200F world")).toBe("שלום\u200F world");
  });

  it("turns CR, CRLF and Unicode line separators into newlines and allows one blank line in a row", () => {
    expect(normalizeCommentBody("a\r\nb\rc\u2028d")).toBe("a\nb\nc\nd");
    expect(normalizeCommentBody("a\n\n\n\n \n\t\nb\n\nc")).toBe("a\n\nb\n\nc");
  });

  it("is idempotent", () => {
    const once = normalizeCommentBody(" x\r\n\r\n\r\n\u0000y ");
    expect(normalizeCommentBody(once)).toBe(once);
  });
});

describe("commentBodySchema", () => {
  const error = (v: unknown) => commentBodySchema.safeParse(v).error?.issues.map((i) => i.message);

  it("refuses empty, whitespace-only and control-only bodies", () => {
    expect(error("")).toEqual(["Write your comment first."]);
    expect(error(" \n\t \r\n")).toEqual(["Write your comment first."]);
    expect(error("\u0000\u202E\uFEFF")).toEqual(["Write your comment first."]);
  });

  it("counts characters after normalising, as code points", () => {
    expect(error("x".repeat(5001))).toEqual([
      "Comments can be at most 5,000 characters (this one has 5,001).",
    ]);
    expect(commentBodySchema.safeParse(`  ${"x".repeat(5000)}  `).success).toBe(true);
    expect(commentBodySchema.safeParse("🦀".repeat(5000)).success).toBe(true);
    // Decomposed accents compose to one character each under NFC.
    expect(commentBodySchema.safeParse("e\u0301".repeat(5000)).success).toBe(true);
  });

  it("refuses a huge body before normalising it, and non-strings", () => {
    expect(error("z".repeat(2_000_000))).toEqual(["Comments can be at most 5,000 characters."]);
    expect(error(undefined)).toEqual(["Write your comment first."]);
    expect(error(12)).toEqual(["Write your comment first."]);
  });
});

describe("form schemas", () => {
  it("parses a post form and tells a JavaScript submit from a plain one", () => {
    const fd = form({
      articleId: "ck123",
      body: " Hi ",
      idempotencyKey: "k_0123456789",
      returnTo: "/articles/x?sort=top",
      enhanced: "1",
    });
    expect(postCommentSchema.parse(formFields(fd))).toEqual({
      articleId: "ck123",
      body: "Hi",
      idempotencyKey: "k_0123456789",
      returnTo: "/articles/x?sort=top",
      enhanced: true,
      website: undefined,
    });
    expect(postCommentSchema.parse(formFields(form({ articleId: "a", body: "b" }))).enhanced).toBe(false);
  });

  it("gives a field error per bad field", () => {
    const parsed = replyToCommentSchema.safeParse(
      formFields(form({ articleId: "a b", body: "", idempotencyKey: "short" })),
    );
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsOf(parsed.error)).toEqual({
      articleId: ["Unknown story."],
      parentId: ["Missing comment."],
      body: ["Write your comment first."],
      idempotencyKey: ["The form was damaged; reload the page and try again."],
    });
  });

  it("refuses a file where text belongs", () => {
    const parsed = postCommentSchema.safeParse(formFields(form({ articleId: "a", body: new Blob(["x"]) })));
    expect(parsed.success && parsed.data).toBe(false);
  });

  it.each([
    ["//evil.example/x", undefined],
    ["https://evil.example/", undefined],
    ["/\\evil.example", undefined],
    ["javascript:alert(1)", undefined],
    ["/.//evil.example", undefined],
    ["/..//evil.example", undefined],
    ["/", "/"],
    ["/articles/ok#old", "/articles/ok#old"],
  ])("keeps returnTo %s on our origin (%s)", (returnTo, expected) => {
    expect(postCommentSchema.parse(formFields(form({ articleId: "a", body: "b", returnTo }))).returnTo).toBe(
      expected,
    );
  });

  it("passes a filled honeypot through for the action to refuse, and maps vote values", () => {
    expect(
      postCommentSchema.parse(formFields(form({ articleId: "a", body: "b", website: "http://spam" })))
        .website,
    ).toBe("http://spam");
    expect(voteCommentSchema.parse({ commentId: "c", value: "up" }).value).toBe(1);
    expect(voteCommentSchema.parse({ commentId: "c", value: "down" }).value).toBe(-1);
    expect(voteCommentSchema.parse({ commentId: "c", value: "clear" }).value).toBe(0);
    expect(voteCommentSchema.safeParse({ commentId: "c", value: "2" }).success).toBe(false);
  });
});

describe("nesting of quotes and lists", () => {
  const NESTING = "Quotes and lists can be nested at most 8 deep.";
  const bodyErrors = (body: string) => {
    const parsed = postCommentSchema.safeParse(formFields(form({ articleId: "ck123", body })));
    return parsed.success ? undefined : fieldErrorsOf(parsed.error).body;
  };
  const indented = (levels: number, step = 2, marker = "-") =>
    Array.from({ length: levels }, (_, i) => `${" ".repeat(i * step)}${marker} level ${i + 1}`).join("\n");

  // The bodies that overflowed the renderer's stack, each within the 5,000-character limit.
  it.each([
    ["`>` × 2,500", ">".repeat(2500) + " x"],
    ["`> ` × 2,499", "> ".repeat(2499) + "x"],
    ["`- ` × 1,600", "- ".repeat(1600) + "x"],
    ["`* ` × 1,600", "* ".repeat(1600) + "x"],
    ["`+ ` × 1,600", "+ ".repeat(1600) + "x"],
    ["`1. ` × 1,600", "1. ".repeat(1600) + "x"],
    ["`1) ` × 1,600", "1) ".repeat(1600) + "x"],
    ["`> - 1. ` × 700", "> - 1. ".repeat(700) + "x"],
    ["`>- 1.` mixes with tabs", ">\t-\t1.\t".repeat(700) + "x"],
    ["deep nesting below ordinary text", "I agree.\n\n" + ">".repeat(2000) + " quoted"],
  ])("refuses %s with the body field error", (_name, body) => {
    expect(commentLength(body)).toBeLessThanOrEqual(5000);
    expect(bodyErrors(body)).toEqual([NESTING]);
  });

  it.each([
    ["quotes", (n: number) => "> ".repeat(n) + "x"],
    ["quotes without spaces", (n: number) => ">".repeat(n) + " x"],
    ["bullets", (n: number) => "- ".repeat(n) + "x"],
    ["ordered items", (n: number) => "1. ".repeat(n) + "x"],
    [
      "mixed markers",
      (n: number) =>
        ["> ", "- ", "1. "]
          .flatMap((m) => Array(n).fill(m))
          .slice(0, n)
          .join("") + "x",
    ],
    ["indented bullets", (n: number) => indented(n)],
    ["quoted indented bullets", (n: number) => indented(n - 1).replace(/^/gm, "> ")],
  ])("accepts %s nested 8 deep and refuses 9", (_name, body) => {
    expect(bodyErrors(body(8))).toBeUndefined();
    expect(bodyErrors(body(9))).toEqual([NESTING]);
  });

  it("accepts ordinary comments with quotes, lists and code", () => {
    const body = [
      "> You wrote that the ferry is late.",
      ">",
      "> > And the council said so too.",
      "",
      "Two points:",
      "",
      "1. It was on time on Monday.",
      "2. The timetable changed:",
      "   - weekdays at 7:15",
      "   - weekends at 9:00",
      "",
      "* a",
      "  + b",
      "    - c",
      "",
      "```yaml",
      "ferry:",
      "  stops:",
      "    - harbour",
      "```",
      "",
      "--- and 3 - 2 = 1, 2024. A year.",
    ].join("\n");
    expect(bodyErrors(body)).toBeUndefined();
    // Indentation counts a level per two columns, so ordered items indented by three count deeper.
    expect(bodyErrors(indented(5, 3, "1."))).toBeUndefined();
  });

  it("scans in linear time", () => {
    // A scan that went back over the line at each marker would take minutes here.
    const start = performance.now();
    expect(blockNestingDepth("> ".repeat(200_000))).toBe(200_000);
    expect(blockNestingDepth("- x\n".repeat(100_000))).toBe(1);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe("inline markup: emphasis, code and links", () => {
  const bodyErrors = (body: string) => {
    const parsed = postCommentSchema.safeParse(formFields(form({ articleId: "ck123", body })));
    return parsed.success ? undefined : fieldErrorsOf(parsed.error).body;
  };
  const DEPTH = "Bold, italic, code and links can be nested at most 8 deep.";

  // Bodies that took the Markdown renderer seconds each, within the 5,000-character limit.
  it.each([
    ["`*_` × 2,500", "*_".repeat(2500), /formatting characters/],
    ["`[` × 5,000", "[".repeat(5000), /nested at most 8 deep/],
    ["`**` × 2,500", "**".repeat(2500), /formatting characters/],
    ["backticks and letters", "`a".repeat(2500), /formatting characters/],
    ["`<` × 5,000", "<".repeat(5000), /formatting characters/],
    ["`_a ` nested", "_a ".repeat(800) + " a_".repeat(800), /nested at most 8 deep/],
  ])("refuses %s with a body field error", (_name, body, message) => {
    expect(commentLength(body)).toBeLessThanOrEqual(5000);
    expect(bodyErrors(body)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ["links", (n: number) => "[".repeat(n) + "x" + "](https://example.org)".repeat(n)],
    ["emphasis", (n: number) => Array.from({ length: n }, (_, i) => "*_"[i % 2] + "w ").join("") + "x"],
  ])("accepts %s nested 8 deep and refuses 9", (_name, body) => {
    expect(bodyErrors(body(8))).toBeUndefined();
    expect(bodyErrors(body(9))).toEqual([DEPTH]);
  });

  it("accepts ordinary formatting, and refuses past 250 formatting characters", () => {
    const line = "Some *emphasis*, **strong** words, `code` and a [link](https://example.org).\n\n";
    // 10 formatting characters a line.
    expect(bodyErrors(line.repeat(25))).toBeUndefined();
    expect(bodyErrors(line.repeat(26))).toEqual([
      "Comments can use at most 250 formatting characters (* _ ~ ` [ ] < & \\); this one has 260.",
    ]);
  });
});
