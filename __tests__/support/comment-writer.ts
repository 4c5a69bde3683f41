// One writer of the comment concurrency test, run as its own process with its own database connection,
// bundled first by comment-writer-bundle.ts: `node comment-writer.cjs <articleId> <userId> <count>`.
// Posts <count> comments at once through the DAL and prints {"acknowledged", "refused", "errors", "ms"}.
import { createCommentRateLimiter } from "@/lib/comments/rate-limit";
import { createComment } from "@/lib/comments/dal/writes";
import { db } from "@/lib/db";

const loaded = performance.now();

async function main() {
  const [articleId, userId, count] = process.argv.slice(2);
  const limiter = createCommentRateLimiter({ store: "memory", perMinute: 1_000_000, perDay: 1_000_000 });
  const acknowledged: string[] = [];
  const refused: string[] = [];
  const errors: string[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Number(count) }, async (_, i) => {
      try {
        const r = await createComment(
          userId,
          { articleId, body: `Writer ${userId} says ${i}.` },
          { limiter },
        );
        if (r.ok) acknowledged.push(r.commentId);
        else refused.push(r.code);
      } catch (err) {
        errors.push(String((err as Error).message).slice(0, 300));
      }
    }),
  );
  const ms = { load: Math.round(loaded), write: Math.round(performance.now() - started) };
  await db.$disconnect();
  process.stdout.write(JSON.stringify({ acknowledged, refused, errors, ms }) + "\n");
}

void main();
