// npm run size -- [--dist .next] [--route /articles/[slug]] [--verbose]
// Prints the first-load JavaScript (gzip) of a route from a finished build; the target for the
// article page is 100 kB (README "Benchmark"). Exit 1 when over --max, if given.
import path from "node:path";
import { parseArgs } from "node:util";
import { firstLoadJs, kB } from "./lib/first-load-js";
import { ROOT } from "./lib/run";

const { values } = parseArgs({
  options: {
    dist: { type: "string", default: process.env.NEXT_DIST_DIR || ".next" },
    route: { type: "string", default: "/articles/[slug]" },
    max: { type: "string" },
    verbose: { type: "boolean", short: "v", default: false },
  },
});

try {
  const result = firstLoadJs(path.resolve(ROOT, values.dist), values.route);
  if (values.verbose) for (const f of result.files) console.log(`  ${kB(f.gzip).padStart(9)}  ${f.file}`);
  console.log(
    `${result.route}: first-load JS ${kB(result.gzipBytes)} gzip (${result.files.length} files, ${values.dist})`,
  );
  const max = values.max === undefined ? Infinity : Number(values.max) * 1000;
  process.exit(result.gzipBytes > max ? 1 : 0);
} catch (error) {
  console.error(`size: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
