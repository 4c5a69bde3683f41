// npm run lighthouse keeps the median of its runs; a run Lighthouse failed inside must be run again,
// not counted (scripts/lib/lighthouse-report.ts, runFailure).
import type { Result } from "lighthouse";
import { runFailure, summarise } from "../../scripts/lib/lighthouse-report";

type Scores = Partial<Record<"performance" | "accessibility" | "best-practices" | "seo", number | null>>;

/** The parts of a Lighthouse result these functions read. */
function lhr(scores: Scores, runtimeError?: { code: string; message: string }): Result {
  const categories = Object.fromEntries(
    Object.entries(scores).map(([id, score]) => [id, { id, title: id, score, auditRefs: [] }]),
  );
  return { categories, audits: {}, runtimeError } as unknown as Result;
}

const complete = { performance: 0.96, accessibility: 1, "best-practices": 1, seo: 1 };

it("keeps a run with all four scores", () => {
  expect(runFailure(lhr(complete))).toBeNull();
  expect(summarise("/", lhr(complete)).categories).toEqual({
    performance: 96,
    accessibility: 100,
    "best-practices": 100,
    seo: 100,
  });
});

// As seen once in a run of three on this machine: scores "- / 100 / - / 100", and the median was
// taken over the failed run as if it had scored 0.
it("refuses a run whose trace Lighthouse could not read (NO_NAVSTART)", () => {
  const failed = lhr(
    { performance: null, accessibility: 1, "best-practices": null, seo: 1 },
    { code: "NO_NAVSTART", message: "Something went wrong with recording the trace over your page load." },
  );
  expect(runFailure(failed)).toBe("NO_NAVSTART");
  expect(summarise("/", failed).categories.performance).toBeNull();
});

it("refuses a run without a performance score even when no error is named", () => {
  expect(runFailure(lhr({ ...complete, performance: null }))).toBe("NO_PERFORMANCE_SCORE");
  expect(runFailure(lhr({ accessibility: 1 }))).toBe("NO_PERFORMANCE_SCORE");
});
