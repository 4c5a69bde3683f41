// The reader's address, for per-address limits (searches). Next sets X-Forwarded-For to the socket's
// address only when the request has none, so the header is the client's own unless a proxy we trust
// wrote it: TRUSTED_PROXIES lists those proxies, and the address is the last entry that is not one of
// them. Without TRUSTED_PROXIES the site is taken to face readers directly and the last entry is used:
// what Next wrote, or (when a client sent its own header) whatever the client claimed. Behind a proxy,
// set TRUSTED_PROXIES and do not let readers reach the server around it.
import { env } from "@/lib/env";

const normalise = (ip: string) =>
  ip
    .trim()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "")
    .slice(0, 64);

export function clientIp(headers: Headers, trustedProxies: string | undefined = env.TRUSTED_PROXIES): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(normalise).filter(Boolean);
  if (hops.length === 0) return "unknown";
  const trusted = new Set((trustedProxies ?? "").split(",").map(normalise).filter(Boolean));
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i];
  return hops[0];
}
