// Tells a running site which cached pages an import changed (POST /api/revalidate). The importer
import { paths } from "@/lib/paths";
// runs in its own process, so without this the site would keep serving the old stories.

export type NotifyOutcome =
  | { kind: "revalidated"; count: number; warmed: number }
  | { kind: "no-secret" }
  | { kind: "unreachable"; reason: string }
  | { kind: "refused"; status: number; reason: string };

export async function notifySite(
  siteUrl: string,
  secret: string | undefined,
  tags: string[],
  timeoutMs = 5000,
): Promise<NotifyOutcome> {
  if (!secret) return { kind: "no-secret" };
  let res: Response;
  try {
    res = await fetch(new URL("/api/revalidate", siteUrl), {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { kind: "unreachable", reason: cause ?? (error as Error).message };
  }
  if (!res.ok) return { kind: "refused", status: res.status, reason: (await res.text()).slice(0, 200) };
  return { kind: "revalidated", count: tags.length, warmed: await warmStories(siteUrl, tags, timeoutMs) };
}

const WARM_AT_MOST = 20;

/**
 * Asks for the changed stories once, so the site renders them now rather than for the next reader:
 * when the importer returns, the new text is what every reader gets, straight from the cache.
 */
async function warmStories(siteUrl: string, tags: string[], timeoutMs: number): Promise<number> {
  const slugs = tags.filter((t) => t.startsWith("article:")).map((t) => t.slice("article:".length));
  let warmed = 0;
  for (const slug of slugs.slice(0, WARM_AT_MOST)) {
    const url = new URL(paths.article(slug), siteUrl);
    const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) }).catch(
      () => null,
    );
    // Draining the body waits for the whole render, streamed parts included.
    if (res?.ok && (await res.text().catch(() => null)) !== null) warmed += 1;
  }
  return warmed;
}

/** One line for the importer's output. */
export function describeNotify(siteUrl: string, outcome: NotifyOutcome): string {
  switch (outcome.kind) {
    case "revalidated":
      return `Told the site at ${siteUrl} to refresh ${outcome.count} cached page group(s); ${outcome.warmed} story page(s) re-rendered.`;
    case "no-secret":
      return "REVALIDATE_SECRET is not set, so no running site was told; it shows the changes after its next build (npm start).";
    case "unreachable":
      return `No site answered at ${siteUrl} (${outcome.reason}); the next npm start rebuilds with these changes.`;
    case "refused":
      return `The site at ${siteUrl} refused the refresh (HTTP ${outcome.status}: ${outcome.reason}); check REVALIDATE_SECRET matches the server's.`;
  }
}

/** The exit status of an import whose stories were saved but whose running site was not told. */
export const SITE_NOT_TOLD_EXIT = 3;

/**
 * When the running site was not told, a warning that cannot be missed: what failed, what readers see
 * meanwhile, and how to fix it. null when the site was told.
 */
export function notifyWarning(siteUrl: string, outcome: NotifyOutcome): string | null {
  const why =
    outcome.kind === "no-secret"
      ? "REVALIDATE_SECRET is not set here, so no site could be told."
      : outcome.kind === "unreachable"
        ? `Nothing answered at ${siteUrl} (${outcome.reason}).`
        : outcome.kind === "refused"
          ? `The site at ${siteUrl} refused the request (HTTP ${outcome.status}).`
          : null;
  if (!why) return null;
  const fix =
    outcome.kind === "refused"
      ? "set REVALIDATE_SECRET here to the value the running site uses"
      : outcome.kind === "no-secret"
        ? "set REVALIDATE_SECRET, the same value here and in the running site's environment"
        : "set SITE_URL to the address where the site answers (from this machine)";
  return [
    "",
    "WARNING: the running site was NOT told about this import.",
    `  ${why}`,
    "  The stories are saved, but the site keeps serving its cached copies of these pages until those",
    "  expire by themselves (within about 5 minutes).",
    `  Fix: ${fix}, then run the same import again:`,
    `  it is safe to repeat. (SITE_URL is now ${siteUrl}.)`,
    "",
  ].join("\n");
}
