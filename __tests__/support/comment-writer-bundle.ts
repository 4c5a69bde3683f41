// Bundles comment-writer.ts into one plain script so that each writer process of the concurrency test
// starts in a moment instead of transpiling the DAL again. Dependencies stay external; Auth.js is left
// out (writers pass the actor's id; no session is read) and "server-only" resolves to nothing.
import path from "node:path";
import { build } from "esbuild";

export async function bundleCommentWriter(outDir: string): Promise<string> {
  const outfile = path.join(outDir, "comment-writer.cjs");
  await build({
    entryPoints: [path.join(__dirname, "comment-writer.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    tsconfig: path.join(__dirname, "../../tsconfig.json"),
    logLevel: "silent",
    plugins: [
      {
        name: "stubs",
        setup(b) {
          b.onResolve({ filter: /^server-only$|^@\/lib\/accounts\/auth\/auth$/ }, (args) => ({
            path: args.path,
            namespace: "stub",
          }));
          b.onLoad({ filter: /.*/, namespace: "stub" }, (args) => ({
            // What lib/accounts/dal/users.ts imports from lib/accounts/auth/auth; the build says so if it grows.
            contents:
              args.path === "server-only"
                ? ""
                : 'export const auth = async () => null; export const SESSION_COOKIE = "authjs.session-token";',
            loader: "ts",
          }));
        },
      },
    ],
  });
  return outfile;
}
