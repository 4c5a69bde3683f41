// The per-request comments pages render every comment of a page again for each reader; the Markdown
// parser cost 0.5–2.5 ms a body (three quarters of a 379-comment page). A body's tree is built once
// and kept (bounded by the sources' length), so the parser runs once per source, not per render.
import { createElement } from "react";
import Markdown from "react-markdown";
import { commentMarkdown } from "@/lib/comments/markdown";

jest.mock("react-markdown", () => ({
  __esModule: true,
  default: jest.fn((options: { children: string }) => createElement("p", null, options.children)),
}));
const parse = jest.mocked(Markdown);

beforeEach(() => parse.mockClear());

it("parses a body once, however many times it is rendered", () => {
  const first = commentMarkdown("Does anyone know when the consultation closes?");
  const again = commentMarkdown("Does anyone know when the consultation closes?");
  expect(again).toBe(first);
  expect(parse).toHaveBeenCalledTimes(1);
  commentMarkdown("Another body");
  expect(parse).toHaveBeenCalledTimes(2);
});

it("keeps about a million characters of sources, dropping the least recently used", () => {
  const body = (i: number) => `${i} `.padEnd(5000, "a");
  commentMarkdown(body(0));
  commentMarkdown(body(1));
  // 200 more bodies of 5,000 characters: past the bound, so the oldest unused ones go.
  for (let i = 2; i < 202; i++) {
    commentMarkdown(body(i));
    commentMarkdown(body(1)); // used again and again: stays
  }
  parse.mockClear();
  commentMarkdown(body(1));
  expect(parse).not.toHaveBeenCalled();
  commentMarkdown(body(0));
  expect(parse).toHaveBeenCalledTimes(1);
});

it("does not keep a body the renderer fails on", () => {
  parse.mockImplementationOnce(() => {
    throw new RangeError("Maximum call stack size exceeded");
  });
  expect(() => commentMarkdown("a body that fails once")).toThrow(RangeError);
  expect(commentMarkdown("a body that fails once")).toBeTruthy();
  expect(parse).toHaveBeenCalledTimes(2);
});
