import { countWords, readingMinutes, readingTimeLabel, WORDS_PER_MINUTE } from "@/lib/stories/reading-time";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("reading time", () => {
  it("reads at about 230 words a minute, rounded", () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingMinutes(words(230 * 4))).toBe(4);
    expect(readingMinutes(words(230 * 4 + 100))).toBe(4);
    expect(readingMinutes(words(230 * 4 + 130))).toBe(5);
    expect(readingTimeLabel(words(920))).toBe("4 min read");
  });

  it("never says zero minutes", () => {
    expect(readingMinutes("")).toBe(1);
    expect(readingTimeLabel("Short.")).toBe("1 min read");
  });

  it("counts the words a reader reads, not Markdown syntax or URLs", () => {
    expect(countWords("## A subhead\n\n> A *quoted* line - with [a link](https://example.org/a/b/c)")).toBe(
      8,
    );
    expect(countWords("![a long description of a picture](/images/x.jpg) Two words")).toBe(2);
    expect(countWords("It’s 4.5 metres, isn't it?")).toBe(5);
  });
});
