// What the e2e database holds (see scripts/e2e-server.ts): the demo stories from content/demo plus
// the plain-text fixture imported into World.
export const DEMO_STORY = {
  slug: "ferry-fares-frozen-as-ridership-climbs",
  headline: "Ferry fares frozen for a second year as harbour ridership climbs",
  caption: "The 7.40 sailing from Gull Pier carries more commuters than any other crossing",
  credit: "Courier illustration",
  section: "City",
  sectionSlug: "city",
  tag: "Transport",
  tagSlug: "transport",
  author: "Mara Quist",
  authorSlug: "mara-quist",
};

export const IMPORTED_STORY = {
  slug: "kremlin-downplays-zelensky-talks-as-trump-questions-putins-peace-intent",
  headline: "Kremlin Downplays Zelensky Talks as Trump Questions Putin's Peace Intent",
  caption: "Putin received a warm welcome in Alaska on Friday",
  credit: "Getty Images",
  section: "World",
  paragraphs: 23,
  firstParagraph: /^The Kremlin has tempered expectations for an immediate summit/,
  lastParagraph: /^Additionally, NATO military chiefs are expected to hold a virtual meeting/,
};

export const UNKNOWN_SLUG = "no-such-story-anywhere";

/** Re-imported with a new headline by import-revalidates.spec.ts; no other spec reads it. */
export const EDITED_STORY = {
  file: "content/demo/night-buses-return-to-east-side.md",
  slug: "night-buses-return-to-east-side",
  headline: "Night buses return to the east side after a three-year gap",
  sectionSlug: "city",
};

/** Shared by the suite's server (playwright.config.ts) and the importer the suite runs. */
export const E2E_REVALIDATE_SECRET = "e2e-only-revalidate-secret-0123456789";
