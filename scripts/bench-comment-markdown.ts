// How long the comment renderer takes on the worst 5,000-character bodies, within and past the inline
// limits (lib/comments/inline.ts): `npx tsx scripts/bench-comment-markdown.ts`. Prints the slowest of
// five renders of each, after a warm-up.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CommentMarkdown } from "../lib/comments/markdown";
import { COMMENT_INLINE_MARK_LIMIT as M } from "../lib/comments/inline";

const N = 5000;
const fill = (s: string) => (s + " and so on".repeat(N)).slice(0, N);
const half = (s: string) => s.repeat(Math.floor(N / 2 / s.length));

const BODIES: Record<string, string> = {
  prose: fill("The harbour board met on Tuesday."),
  "links at the limit": fill("[a](https://example.org) ".repeat(M / 2 / 2)),
  "[a] at the limit": fill("[a] ".repeat(M / 2)),
  "*_ at the limit": fill("*_".repeat(M / 2)),
  "`a at the limit": fill("`a".repeat(M)),
  "<a at the limit": fill("<a".repeat(M)),
  "&amp; at the limit": fill("&amp;".repeat(M)),
  "\\ at the limit": fill("\\".repeat(M)),
  "[ 8 deep at the limit": fill(("[".repeat(8) + "x" + "]".repeat(8) + " ").repeat(M / 16)),
  autolinks: fill("http://a.example/ ".repeat(300)),
  "*_ × 2,500 (past)": "*_".repeat(N / 2),
  "[ × 5,000 (past)": "[".repeat(N),
  "`a × 2,500 (past)": "`a".repeat(N / 2),
  "< × 5,000 (past)": "<".repeat(N),
  "_a nested (past)": half("_a ") + half(" a_"),
  "> × 5,000 (blocks)": ">".repeat(N),
  "* × 2,500 (blocks)": "* ".repeat(N / 2),
};

const render = (source: string) => renderToStaticMarkup(createElement(CommentMarkdown, { source }));
for (let i = 0; i < 20; i++) render(BODIES.prose);
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
for (const [name, source] of Object.entries(BODIES)) {
  let wall = 0;
  let cpu = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    render(source);
    const used = process.cpuUsage(usage);
    wall = Math.max(wall, performance.now() - started);
    cpu = Math.max(cpu, (used.user + used.system) / 1000);
  }
  console.log(
    `${name.padEnd(24)} ${String(source.length).padStart(5)} chars ${wall.toFixed(1).padStart(7)} ms wall ${cpu.toFixed(1).padStart(7)} ms cpu`,
  );
}
