// The client's IP address, for per-IP limits. Next.js exposes no connection address: it only fills
// X-Forwarded-For with the peer's address when the request has none, and keeps a client-sent one as
// it is. So instrumentation.ts writes the socket's peer address into PEER_HEADER on every request
// (replacing whatever a client sent under that name). A peer that is not a trusted proxy is the client;
// behind a trusted proxy (TRUSTED_PROXIES, e.g. the nginx front) X-Forwarded-For is believed only as
// far as those proxies vouch: the right-most entry that is not one of them is the client.
import { BlockList, isIP } from "node:net";
import { env } from "../env";

/** A client whose address cannot be known: per-IP limits skip it rather than share one bucket. */
export const UNKNOWN_CLIENT = "unknown";

/** Set by instrumentation.ts from the socket, never from the client. */
export const PEER_HEADER = "x-newsroom-peer";

/** "::ffff:127.0.0.1" (a dual-stack socket's IPv4 peer) as "127.0.0.1", "[::1]:443" as "::1". */
function normalize(entry: string): string {
  let address = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

function trustList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/");
    const type = isIP(address!) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

// The environment's list is the same array on every request: build its BlockList once.
const built = new WeakMap<readonly string[], BlockList>();
const trustListOf = (entries: readonly string[]) => {
  let list = built.get(entries);
  if (!list) built.set(entries, (list = trustList(entries)));
  return list;
};

const isTrusted = (list: BlockList, address: string) =>
  list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address from an X-Forwarded-For value, walking it right to left past trusted proxies;
 * UNKNOWN_CLIENT when no proxy is trusted, the header is missing, or the entry reached is not an address.
 */
export function clientIpFrom(forwardedFor: string | null, trusted: readonly string[]): string {
  if (!trusted.length || !forwardedFor) return UNKNOWN_CLIENT;
  const list = trustListOf(trusted);
  const hops = forwardedFor.split(",").map(normalize);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return UNKNOWN_CLIENT;
    // A trusted proxy talking to us directly (no proxy in between) is itself the client.
    if (!isTrusted(list, hop) || i === 0) return hop;
  }
  return UNKNOWN_CLIENT;
}

/** The client's address for a request, as TRUSTED_PROXIES allows it to be known. */
export function clientIp(headers: Headers, trusted: readonly string[] = env.TRUSTED_PROXIES): string {
  const forwardedFor = headers.get("x-forwarded-for");
  const peer = normalize(headers.get(PEER_HEADER) ?? "");
  if (!isIP(peer)) return clientIpFrom(forwardedFor, trusted);
  // Straight from the client: the socket says who it is, whatever the headers claim.
  if (!trusted.length || !isTrusted(trustListOf(trusted), peer)) return peer;
  // From a trusted proxy: the chain it forwarded, or the proxy itself when it sent none.
  return forwardedFor ? clientIpFrom(forwardedFor, trusted) : peer;
}
