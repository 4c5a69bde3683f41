// Comment-post latency against a running production server: N readers with real database sessions post
// through the postComment server action exactly as the comment form does with JavaScript on (React's
// encodeReply of [prevState, formData], the Next-Action header), `connections` at a time.
//
//   const r = await benchCommentPosts({ baseUrl, databaseUrl, articleSlug, distDir: ".next-bench" });
//
// The server's limits apply: with the defaults (5 a minute per reader) start it with larger
// COMMENT_LIMIT_PER_MINUTE / COMMENT_LIMIT_PER_DAY, or give enough readers; limited posts are counted
// apart and left out of the latency figures.
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildSession, buildUser } from "../../lib/comments/builders";
import { createPrismaClient } from "../../lib/prisma";
import { ROOT } from "./run";
import { paths } from "../../lib/paths";
import { actionIdsIn, readActionManifest } from "../../lib/http/server-action-ids";

// The client half of React's server-action wire format, from the Next.js that serves the actions.
export const { encodeReply } = createRequire(path.join(ROOT, "package.json"))(
  "next/dist/compiled/react-server-dom-webpack/client.node",
) as { encodeReply: (value: unknown) => Promise<FormData | string> };

export type CommentBenchOptions = {
  baseUrl: string;
  databaseUrl: string;
  articleSlug: string;
  /** The build's dist dir (NEXT_DIST_DIR), relative to the project root or absolute. */
  distDir: string;
  /** Readers to create (each gets a user and a session). Default 100. */
  readers?: number;
  /** Posts in flight at once. Default 20. */
  connections?: number;
  /** Posts in all. Default 500. */
  posts?: number;
};

export type CommentBenchResult = {
  posts: number;
  ok: number;
  rateLimited: number;
  failed: number;
  /** Milliseconds, over the accepted posts. */
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  postsPerSecond: number;
  /** Comments on the story that the database gained during the run (should equal ok). */
  stored: number;
};

/** The id of a server action in a build, from <distDir>/server/server-reference-manifest.json. */
export function serverActionId(distDir: string, file: string, exportedName: string): string {
  const manifest = readActionManifest(path.resolve(ROOT, distDir));
  const [found] = actionIdsIn(manifest, [{ filename: file, exportedName }]);
  if (!found)
    throw new Error(`No server action ${file}#${exportedName} in ${distDir}; is the build current?`);
  return found;
}

export type PostOutcome = "ok" | "refused" | "unreachable";

export type CommentPost = {
  baseUrl: string;
  /** The postComment action's id in the build that serves `baseUrl` (serverActionId). */
  actionId: string;
  slug: string;
  articleId: string;
  /** A database session token (buildSession). */
  token: string;
  body: string;
  idempotencyKey: string;
  timeoutMs?: number;
};

/**
 * One post of the comment form with JavaScript on: React's encodeReply of [prevState, formData] to
 * the story's URL with the Next-Action header. `refused` is a 4xx or an answer that is not ok (a
 * limit, a field error); `unreachable` a 5xx, a dropped connection or a timeout.
 */
export async function postCommentAction(post: CommentPost): Promise<{ outcome: PostOutcome; text: string }> {
  const form = new FormData();
  form.set("articleId", post.articleId);
  form.set("body", post.body);
  form.set("idempotencyKey", post.idempotencyKey);
  form.set("enhanced", "1");
  const cookieName = `${post.baseUrl.startsWith("https:") ? "__Secure-" : ""}authjs.session-token`;
  try {
    const res = await fetch(post.baseUrl + paths.article(post.slug), {
      method: "POST",
      headers: {
        "Next-Action": post.actionId,
        Accept: "text/x-component",
        Origin: new URL(post.baseUrl).origin,
        Cookie: `${cookieName}=${post.token}`,
      },
      body: (await encodeReply([null, form])) as BodyInit,
      signal: AbortSignal.timeout(post.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    if (res.ok && text.includes('"ok":true')) return { outcome: "ok", text };
    return { outcome: res.status >= 500 ? "unreachable" : "refused", text };
  } catch {
    return { outcome: "unreachable", text: "" };
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const round = (n: number) => Math.round(n * 10) / 10;

export async function benchCommentPosts(opts: CommentBenchOptions): Promise<CommentBenchResult> {
  const { baseUrl, readers = 100, connections = 20, posts = 500 } = opts;
  const actionId = serverActionId(opts.distDir, "lib/comments/actions.ts", "postComment");
  const db = createPrismaClient(opts.databaseUrl);
  try {
    const article = await db.article.findUniqueOrThrow({
      where: { slug: opts.articleSlug },
      select: { id: true },
    });
    const tokens: string[] = [];
    for (let i = 0; i < readers; i++) tokens.push(await buildSession(db, (await buildUser(db)).id));
    const before = await db.comment.count({ where: { articleId: article.id } });

    const latencies: number[] = [];
    let ok = 0;
    let rateLimited = 0;
    let failed = 0;
    let next = 0;
    const run = `${Date.now().toString(36)}`;

    async function postOne(n: number) {
      const started = performance.now();
      const { outcome, text } = await postCommentAction({
        baseUrl,
        actionId,
        slug: opts.articleSlug,
        articleId: article.id,
        token: tokens[n % tokens.length],
        body: `Benchmark comment ${run}-${n}: the harbour board should publish its minutes.`,
        idempotencyKey: `bench-${run}-${n}`,
      });
      const ms = performance.now() - started;
      if (outcome === "ok") {
        ok += 1;
        latencies.push(ms);
      } else if (text.includes("You can post again")) rateLimited += 1;
      else failed += 1;
    }

    const wallStart = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < posts) await postOne(next++);
      }),
    );
    const wall = (performance.now() - wallStart) / 1000;
    const stored = (await db.comment.count({ where: { articleId: article.id } })) - before;

    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      posts,
      ok,
      rateLimited,
      failed,
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      mean: round(sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1)),
      max: round(sorted.at(-1) ?? 0),
      postsPerSecond: round(ok / wall),
      stored,
    };
  } finally {
    await db.$disconnect();
  }
}
