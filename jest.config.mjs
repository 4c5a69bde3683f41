// Three layers (see README "Tests"): unit tests, then the integration suite once per database.
// next/jest only configures the top level, so each project is passed through it on its own.
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const common = {
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testPathIgnorePatterns: ["/__tests__/e2e/"],
};

const integration = (provider, extra = {}) => ({
  ...common,
  displayName: provider,
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/integration/**/*.test.ts"],
  globalSetup: `<rootDir>/__tests__/support/global-setup-${provider}.ts`,
  globalTeardown: `<rootDir>/__tests__/support/global-teardown-${provider}.ts`,
  setupFiles: [`<rootDir>/__tests__/support/per-file-db-${provider}.ts`],
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/after-env.ts"],
  ...extra,
});

const projects = [
  {
    ...common,
    displayName: "unit",
    testEnvironment: "node",
    testMatch: ["<rootDir>/__tests__/unit/**/*.test.{ts,tsx}"],
    setupFilesAfterEnv: ["<rootDir>/__tests__/support/unit-setup.ts"],
  },
  integration("sqlite"),
  {
    // Several `next start` instances from one build on PostgreSQL and Redis (__tests__/cluster/harness.ts);
    // skipped, with the reason printed, without TEST_POSTGRES_URL and TEST_REDIS_URL.
    ...common,
    displayName: "cluster",
    testEnvironment: "node",
    testMatch: ["<rootDir>/__tests__/cluster/**/*.test.ts"],
  },
];

if (process.env.TEST_POSTGRES_URL) {
  // The migration runner's own tests already cover PostgreSQL with throwaway databases of their
  // own, and integration/sqlite/ holds SQLite-only hazards.
  projects.push(
    integration("postgres", {
      testPathIgnorePatterns: ["/__tests__/e2e/", "migrator\\.test\\.ts$", "/__tests__/integration/sqlite/"],
    }),
  );
}

// react-markdown and its unified/remark family ship ES modules only, so node_modules is compiled
// too (SWC, cached) except the big CommonJS packages that never need it. next/dist/shared/lib is
// compiled as next/jest would: that is where next.config.ts's image widths reach getImageProps.
const esmOnlyDependencies =
  "/node_modules/(?!(next/dist/shared/lib|feed|react-markdown|remark-.+|rehype-.+|unified|bail|is-plain-obj|trough|vfile.*|unist-.+|mdast-.+|hast-.+|micromark.*|decode-named-character-reference|character-entit.+|property-information|space-separated-tokens|comma-separated-tokens|html-url-attributes|devlop|zwitch|longest-streak|markdown-table|ccount|escape-string-regexp|trim-lines|estree-util-.+|style-to-.+|inline-style-parser|html-void-elements|web-namespaces|stringify-entities|is-.+|hastscript|parse-entities|character-reference-invalid)/)";

const config = async () => ({
  // A global option: Jest ignores it inside a project. Real databases and child processes need room.
  testTimeout: 60_000,
  projects: await Promise.all(
    projects.map(async (p) => ({
      ...(await createJestConfig(p)()),
      transformIgnorePatterns: [esmOnlyDependencies],
    })),
  ),
});

export default config;
