import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// A template string that starts with one of our own routes (see lib/paths.ts).
const OWN_ROUTE = "/^\\/(articles|sections|tags|authors|moderation|signin|search|api|account)\\b/";

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
    // The audit log is append-only: nothing the app ships may update or delete its rows.
    files: ["{app,lib,components,scripts,prisma}/**/*.{ts,tsx,js,mjs}"],
    ignores: ["prisma/**/migrations/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "MemberExpression[object.property.name='auditLog'][property.name=/^(update|updateMany|upsert|delete|deleteMany)$/]",
          "MemberExpression[object.property.value='auditLog'][property.name=/^(update|updateMany|upsert|delete|deleteMany)$/]",
          'TemplateElement[value.raw=/(UPDATE|DELETE\\s+FROM)\\s+["`]?AuditLog\\b/i]',
          'Literal[value=/(UPDATE|DELETE\\s+FROM)\\s+["`]?AuditLog\\b/i]',
        ].map((selector) => ({
          selector,
          message: "The audit log is append-only: write entries with writeAudit, never change them.",
        })),
        // Our own URLs come from lib/paths.ts, which encodes every slug and id.
        {
          selector: `TemplateLiteral > TemplateElement:first-child[value.raw=${OWN_ROUTE}]`,
          message: "Build links to our own pages with `paths` from lib/paths.ts, not a template string.",
        },
      ],
    },
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
