// A fresh `next start` has its routes' code loaded (Next preloads every entry at start) but has rendered
// nothing, and behind the shared page cache it may render nothing for a long time: every page it
// serves is another instance's copy. Its first render after an invalidation (a new comment, an import)
// then paid the cold costs, JIT-compiling React's and the site's render paths and opening its first
// database connections: 1.1–2.0 s against 0.2–0.5 s for the same render afterwards on one instance,
// and 6.9 s against ~1.1 s for three instances behind nginx (bench --cluster). So each production
// server renders its hot routes once before it reports healthy: the front page, its top story and
// that story's comment page, twice each.
//
// The renders are draft-mode requests to the server itself (Next's preview cookie): a draft render
// re-runs every "use cache" function instead of reading it and stores nothing, neither those entries
// nor the page (node_modules/next/dist/docs: draftMode), so the warm-up writes nothing to the caches
// or the database and no reader ever sees its responses. Until it is done /api/health answers 503
// with "warming": true, so `npm run cluster`, the compose health check and any load balancer send no
// reader to a cold instance; a failed or slow warm-up (the database away, say) is logged and ends it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { paths } from "@/lib/paths";

/** Next's draft-mode cookie (next/dist/server/api-utils COOKIE_NAME_PRERENDER_BYPASS). */
const DRAFT_COOKIE = "__prerender_bypass";
const ROUNDS = 2;
/** The whole warm-up's limit: past it the server reports ready, warm or not. */
const TIMEOUT_MS = 30_000;

// instrumentation.ts and the route handlers are separate bundles: the state lives on globalThis.
const holder = globalThis as unknown as { __newsroomWarmingUp?: boolean };

/** Whether this server is still rendering its hot routes for the first time. */
export function warmingUp(): boolean {
  return holder.__newsroomWarmingUp === true;
}

/** The build's draft-mode id, from the dist directory next.config.ts uses (NEXT_DIST_DIR or .next). */
function draftModeId(): string {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = path.join(process.cwd(), distDir, "prerender-manifest.json");
  const id = (JSON.parse(readFileSync(manifest, "utf8")) as { preview?: { previewModeId?: string } }).preview
    ?.previewModeId;
  if (!id) throw new Error(`no draft-mode id in ${manifest}`);
  return id;
}

/** The first story the front page links to, or null (an empty site). */
function topStorySlug(frontPage: string): string | null {
  const href = /href="\/articles\/([^"/?#]+)"/.exec(frontPage)?.[1];
  if (!href) return null;
  try {
    return decodeURIComponent(href);
  } catch {
    return null;
  }
}

async function render(
  origin: string,
  cookie: string,
  pathname: string,
  signal: AbortSignal,
): Promise<string> {
  const res = await fetch(origin + pathname, { headers: { cookie }, redirect: "manual", signal });
  const body = await res.text();
  if (!res.ok) throw new Error(`${pathname} answered ${res.status}`);
  return body;
}

/** Renders the hot routes of the server at `origin` (default: this one); resolves when done. */
async function warmUp(
  origin = process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`,
): Promise<void> {
  const started = performance.now();
  const cookie = `${DRAFT_COOKIE}=${draftModeId()}`;
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const rendered = new Set<string>();
  for (let round = 0; round < ROUNDS; round++) {
    const slug = topStorySlug(await render(origin, cookie, paths.home, signal));
    rendered.add(paths.home);
    if (!slug) continue;
    for (const pathname of [paths.article(slug), paths.comments(slug)]) {
      await render(origin, cookie, pathname, signal);
      rendered.add(pathname);
    }
  }
  console.log(
    `Warmed up in ${Math.round(performance.now() - started)} ms: rendered ${[...rendered].join(", ")} ${ROUNDS}× each.`,
  );
}

/**
 * Starts the warm-up without waiting for it: instrumentation's register() runs before Next handles
 * requests, so its own requests can only be answered after register() returns. Once only.
 */
export function startWarmUp(): void {
  if (holder.__newsroomWarmingUp !== undefined) return;
  holder.__newsroomWarmingUp = true;
  void warmUp()
    .catch((err: Error) => console.warn(`Warm-up incomplete, serving anyway: ${err.message}`))
    .finally(() => {
      holder.__newsroomWarmingUp = false;
    });
}
