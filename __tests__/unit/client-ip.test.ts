import { clientIp } from "@/lib/client-ip";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIp", () => {
  it("is the address Next wrote when the site faces readers directly", () => {
    expect(clientIp(h("203.0.113.7"), undefined)).toBe("203.0.113.7");
    expect(clientIp(h("::ffff:203.0.113.7"), undefined)).toBe("203.0.113.7");
    expect(clientIp(h(), undefined)).toBe("unknown");
  });

  it("believes only the trusted proxies' entries: a reader's own X-Forwarded-For is skipped", () => {
    // The reader sent "1.1.1.1"; the proxy (10.0.0.2) appended the address it saw.
    expect(clientIp(h("1.1.1.1, 198.51.100.4"), "10.0.0.2")).toBe("198.51.100.4");
    expect(clientIp(h("1.1.1.1, 198.51.100.4, 10.0.0.2"), "10.0.0.2, 10.0.0.3")).toBe("198.51.100.4");
    expect(clientIp(h("10.0.0.3, 10.0.0.2"), "10.0.0.2,10.0.0.3")).toBe("10.0.0.3");
  });
});
