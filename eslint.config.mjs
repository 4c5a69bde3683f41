import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// A template string that starts with one of our own routes (see lib/paths.ts).
const OWN_ROUTE = "/^\\/(articles|sections|tags|authors|moderation|signin|search|api|account)\\b/";

// The audit log is append-only: nothing the app ships may update or delete its rows.
const AUDIT_APPEND_ONLY = [
  "MemberExpression[object.property.name='auditLog'][property.name=/^(update|updateMany|upsert|delete|deleteMany)$/]",
  "MemberExpression[object.property.value='auditLog'][property.name=/^(update|updateMany|upsert|delete|deleteMany)$/]",
  'TemplateElement[value.raw=/(UPDATE|DELETE\\s+FROM)\\s+["`]?AuditLog\\b/i]',
  'Literal[value=/(UPDATE|DELETE\\s+FROM)\\s+["`]?AuditLog\\b/i]',
].map((selector) => ({
  selector,
  message: "The audit log is append-only: write entries with writeAudit, never change them.",
}));

const DB_ONLY_IN_DAL = {
  group: ["@/lib/db", "**/lib/db", "./db", "../db", "../../db"],
  message: "Read and write through a domain's dal/ (lib/<domain>/dal/), not lib/db directly.",
};
const READER_PAGES = [
  "components/**/*.tsx",
  "app/(site)/**/*.tsx",
  "app/(static)/**/*.tsx",
  "app/(auth)/**/*.tsx",
  "app/*.tsx",
];
const NO_NEXT_LINK = {
  name: "next/link",
  message: "Reader pages link with a plain <a> (see eslint.config.mjs).",
};

// Our own URLs come from lib/paths.ts, which encodes every slug and id.
const NO_TEMPLATE_PATHS = {
  selector: `TemplateLiteral > TemplateElement:first-child[value.raw=${OWN_ROUTE}]`,
  message: "Build links to our own pages with `paths` from lib/paths.ts, not a template string.",
};

// The data-access layer of each domain (lib/<domain>/dal/) is server-only and says so first.
const DAL_IS_SERVER_ONLY = {
  selector: "Program > :first-child:not(ImportDeclaration[source.value='server-only'])",
  message: 'A module in lib/<domain>/dal/ starts with `import "server-only";`.',
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      // Side builds of the browser suite, the benchmark and parallel work (NEXT_DIST_DIR).
      ".next-*/**",
      "node_modules/**",
      "lib/generated/**",
      ".tmp/**",
      "data/**",
      "next-env.d.ts",
      "coverage/**",
    ],
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["{app,lib,components,scripts,prisma}/**/*.{ts,tsx,js,mjs}"],
    ignores: ["prisma/**/migrations/**"],
    rules: { "no-restricted-syntax": ["error", ...AUDIT_APPEND_ONLY, NO_TEMPLATE_PATHS] },
  },
  {
    // Reader, account and static pages link with plain <a>: each page is a full load of a cached
    // document, not a client-side navigation, so no page ships next/link's router code (3.3 kB gzip of
    // first-load JS) or prefetches an RSC payload for every story link in view. Staff pages
    // (app/moderation) keep <Link>.
    files: READER_PAGES,
    rules: {
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    files: ["lib/*/dal/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", ...AUDIT_APPEND_ONLY, NO_TEMPLATE_PATHS, DAL_IS_SERVER_ONLY] },
  },
  {
    // The database is reached through a domain's dal/ only (and the three infrastructure modules
    // that need it: Auth.js's adapter, the comment limiter's transaction, the health probe).
    files: ["{app,lib,components}/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"],
    ignores: [
      "lib/*/dal/**",
      "lib/accounts/auth/auth.ts",
      "lib/comments/rate-limit.ts",
      "lib/http/health.ts",
    ],
    rules: {
      "no-restricted-imports": ["error", { patterns: [DB_ONLY_IN_DAL] }],
    },
  },
  {
    // …and reader, account and static pages do without next/link (see above).
    files: READER_PAGES,
    rules: { "no-restricted-imports": ["error", { patterns: [DB_ONLY_IN_DAL], paths: [NO_NEXT_LINK] }] },
  },
  {
    // lib/paths.ts is where those template strings live.
    files: ["lib/paths.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Layers: lib/ is below components/ and app/, and no module imports itself round a circle.
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: ["./components", "./app"],
              message: "lib/ must not import from components/ or app/: move the shared piece into lib/.",
            },
          ],
        },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
];

export default config;
