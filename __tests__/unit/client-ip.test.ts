// lib/http/client-ip.ts: X-Forwarded-For is believed only as far as trusted proxies vouch for it.
import { PEER_HEADER, UNKNOWN_CLIENT, clientIp, clientIpFrom } from "@/lib/http/client-ip";

const LOOPBACK = ["127.0.0.1", "::1"];

describe("clientIpFrom", () => {
  it("ignores the header when no proxy is trusted: a client can write anything there", () => {
    expect(clientIpFrom("203.0.113.9", [])).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom("198.51.100.1, 203.0.113.9", [])).toBe(UNKNOWN_CLIENT);
  });

  it("ignores a spoofed entry from a peer that is not a trusted proxy", () => {
    // The client sent "X-Forwarded-For: 198.51.100.1" itself and reached the site through a trusted
    // proxy, which appended the address it saw: that one, not the spoofed one, is the client.
    expect(clientIpFrom("198.51.100.1, 203.0.113.9", LOOPBACK)).toBe("203.0.113.9");
    // A spoofed trusted address on the left does not shift the answer either.
    expect(clientIpFrom("127.0.0.1, 203.0.113.9", LOOPBACK)).toBe("203.0.113.9");
  });

  it("walks a chain of trusted proxies right to left", () => {
    const trusted = ["10.0.0.0/8", "127.0.0.1"];
    expect(clientIpFrom("198.51.100.1, 203.0.113.9, 10.1.2.3, 10.9.9.9", trusted)).toBe("203.0.113.9");
    expect(clientIpFrom("203.0.113.9,10.1.2.3", trusted)).toBe("203.0.113.9");
  });

  it("answers the proxy itself when it is the client (a request from the machine, no header sent)", () => {
    // Next.js fills the header with the peer's address when there is none.
    expect(clientIpFrom("::ffff:127.0.0.1", LOOPBACK)).toBe("127.0.0.1");
    expect(clientIpFrom("::1", LOOPBACK)).toBe("::1");
  });

  it("reads IPv4-mapped, bracketed and ported forms as plain addresses", () => {
    expect(clientIpFrom("::ffff:203.0.113.9, ::ffff:127.0.0.1", LOOPBACK)).toBe("203.0.113.9");
    expect(clientIpFrom("[2001:DB8::1]:4711, ::1", LOOPBACK)).toBe("2001:db8::1");
    expect(clientIpFrom("203.0.113.9:4711, 127.0.0.1", LOOPBACK)).toBe("203.0.113.9");
    expect(clientIpFrom("2001:db8::7, 127.0.0.1", ["127.0.0.0/8"])).toBe("2001:db8::7");
  });

  it("falls back to the shared unknown bucket for a missing header or junk where the client should be", () => {
    expect(clientIpFrom(null, LOOPBACK)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom("", LOOPBACK)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom("not-an-ip, 127.0.0.1", LOOPBACK)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom("203.0.113.9, , 127.0.0.1", LOOPBACK)).toBe(UNKNOWN_CLIENT);
  });
});

describe("clientIp", () => {
  it("reads the request's X-Forwarded-For header", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.9, 127.0.0.1" });
    expect(clientIp(headers, LOOPBACK)).toBe("203.0.113.9");
    expect(clientIp(new Headers(), LOOPBACK)).toBe(UNKNOWN_CLIENT);
  });

  it("trusts nobody by default (TRUSTED_PROXIES unset)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe(UNKNOWN_CLIENT);
  });
});

describe("clientIp with the connection's peer address (set by instrumentation.ts)", () => {
  const peer = (address: string, forwardedFor?: string) =>
    new Headers({ [PEER_HEADER]: address, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

  it("takes a direct client's own address and ignores the X-Forwarded-For it wrote", () => {
    expect(clientIp(peer("203.0.113.9", "198.51.100.1"), [])).toBe("203.0.113.9");
    expect(clientIp(peer("::ffff:203.0.113.9", "198.51.100.1"), LOOPBACK)).toBe("203.0.113.9");
  });

  it("behind a trusted proxy, walks the chain it forwarded, or answers the proxy when it sent none", () => {
    expect(clientIp(peer("127.0.0.1", "198.51.100.1, 203.0.113.9"), LOOPBACK)).toBe("203.0.113.9");
    expect(clientIp(peer("127.0.0.1"), LOOPBACK)).toBe("127.0.0.1");
  });
});
