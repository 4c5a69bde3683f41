// Pages of comments are packed by comments, whole threads at a time (lib/comments/paging.ts).
import { pageStartOf, threadsOnPage } from "@/lib/comments/paging";

describe("threadsOnPage", () => {
  it("takes whole threads while their comments fit", () => {
    expect(threadsOnPage([1, 1, 1], 50)).toBe(3);
    expect(threadsOnPage(Array(60).fill(1), 50)).toBe(50);
    // 10 + 30 = 40; the next thread (11) would make 51.
    expect(threadsOnPage([10, 30, 11, 1], 50)).toBe(2);
    expect(threadsOnPage([10, 30, 10, 1], 50)).toBe(3);
  });

  it("always takes one thread, however long: a thread is never split", () => {
    expect(threadsOnPage([379, 1], 50)).toBe(1);
    expect(threadsOnPage([], 50)).toBe(0);
  });

  it("starts where it is told, and reads a size below one as one comment", () => {
    expect(threadsOnPage([40, 5, 5, 45, 1], 50, 1)).toBe(2);
    expect(threadsOnPage([40, 5, 5, 40, 1], 50, 1)).toBe(3);
    expect(threadsOnPage([0, 0, 0], 2)).toBe(2);
  });
});

describe("pageStartOf", () => {
  // The story page shows 20 comments, later pages 50.
  const sizes = [5, 10, 6, 1, ...Array(49).fill(1), 30, 30];
  it("finds the story page for a thread in its first comments", () => {
    expect(pageStartOf(sizes, 0, 20, 50)).toBe(0);
    expect(pageStartOf(sizes, 1, 20, 50)).toBe(0);
  });

  it("finds the later page that holds a thread, packed as the pages are", () => {
    // Story page: 5 + 10 = 15 (the 6 would make 21). Page 2 starts at index 2: 6 + 44 ones = 50.
    expect(pageStartOf(sizes, 2, 20, 50)).toBe(2);
    expect(pageStartOf(sizes, 46, 20, 50)).toBe(2);
    // Then the 6 remaining ones and one 30 (36; the next 30 would make 66), then the last 30 alone.
    expect(pageStartOf(sizes, 47, 20, 50)).toBe(47);
    expect(pageStartOf(sizes, 53, 20, 50)).toBe(47);
    expect(pageStartOf(sizes, 54, 20, 50)).toBe(54);
  });
});
