// The scale seeder's long thread: `npm run bench -- --threads` seeds 21,000 comments to measure a
// 20,000-comment story (it got half, 10,500).
import { longThreadSize } from "../../scripts/lib/scale-comments";

it("gives the long thread 20,000 of the bench's 21,000 comments and of larger totals", () => {
  expect(longThreadSize(21_000)).toBe(20_000);
  expect(longThreadSize(2_000_000)).toBe(20_000);
});

it("gives it half of a small total, leaving the rest to the other stories", () => {
  expect(longThreadSize(100)).toBe(50);
  expect(longThreadSize(20)).toBe(10);
  expect(longThreadSize(0)).toBe(0);
});
