// npm run size -- [--dist .next] [--route /articles/[slug]] [--verbose] [--no-floor]
// Prints the first-load JavaScript (gzip) of a route from a finished build, against the framework's
// floor (a blank app/ page built with the same Next and React; goal: floor + 15 kB). Exit 1 when
// over --max, if given.
import path from "node:path";
import { parseArgs } from "node:util";
import { firstLoadJs, kB } from "./lib/first-load-js";
import { FLOOR_ALLOWANCE, firstLoadFloor } from "./lib/first-load-floor";
import { ROOT } from "./lib/run";

const { values } = parseArgs({
  options: {
    dist: { type: "string", default: process.env.NEXT_DIST_DIR || ".next" },
    route: { type: "string", default: "/articles/[slug]" },
    max: { type: "string" },
    verbose: { type: "boolean", short: "v", default: false },
    "no-floor": { type: "boolean", default: false },
  },
});

async function main() {
  const result = firstLoadJs(path.resolve(ROOT, values.dist), values.route);
  if (values.verbose) for (const f of result.files) console.log(`  ${kB(f.gzip).padStart(9)}  ${f.file}`);
  console.log(
    `${result.route}: first-load JS ${kB(result.gzipBytes)} gzip (${result.files.length} files, ${values.dist})`,
  );
  if (!values["no-floor"]) {
    const floor = await firstLoadFloor();
    const ok = result.gzipBytes <= floor + FLOOR_ALLOWANCE;
    console.log(
      `framework floor (blank app/ page): ${kB(floor)} gzip; this route is ${kB(result.gzipBytes - floor)} above it`,
    );
    console.log(`${ok ? "PASS" : "MISS"}  first-load JS ≤ floor + ${kB(FLOOR_ALLOWANCE)}`);
  }
  const max = values.max === undefined ? Infinity : Number(values.max) * 1000;
  return result.gzipBytes > max ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`size: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
