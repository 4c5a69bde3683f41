import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
];

export default config;
