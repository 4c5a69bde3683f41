// Test-data builders: one valid ArticleInput with sensible defaults, overridden field by field. Used by
// the tests and by anything else (seed, benchmarks) that needs articles without writing files.
import { articleInputSchema, type ArticleInput } from "./parse";

let counter = 0;

export function buildArticleInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  counter += 1;
  const n = counter;
  const headline = overrides.headline ?? `Harbour story number ${n}`;
  return articleInputSchema.parse({
    slug: `harbour-story-${n}`,
    headline,
    standfirst: `What happened at the harbour, part ${n}.`,
    bodyMarkdown: `The harbour board met on Tuesday.\n\n## What was decided\n\nStory ${n} in brief.`,
    section: { name: "City", slug: "city" },
    tags: [{ name: "Harbour", slug: "harbour" }],
    authors: [{ name: "Test Writer", slug: "test-writer" }],
    image: {
      path: "/images/demo/test.jpg",
      alt: "Cranes over the container terminal at dusk",
      caption: "The terminal at dusk",
      credit: "Test Photos",
    },
    status: "PUBLISHED",
    ...overrides,
  });
}
