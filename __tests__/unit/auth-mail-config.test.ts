// The start-up rule for sign-in mail (lib/env.ts): a public site without EMAIL_SERVER would write
// every sign-in link, an administrator's included, to its log, so it refuses to start unless told to.
import { isLoopbackUrl, mailConfigProblem } from "@/lib/env";

/** Loads lib/env.ts afresh with `vars` as the whole environment's sign-in part. */
function loadEnv(vars: Record<string, string | undefined>) {
  const saved = { ...process.env };
  for (const k of ["SITE_URL", "EMAIL_SERVER", "AUTH_LOG_LINKS", "NEXT_PHASE"]) delete process.env[k];
  Object.assign(process.env, vars);
  try {
    let loaded: typeof import("@/lib/env") | undefined;
    jest.isolateModules(() => {
      loaded = jest.requireActual<typeof import("@/lib/env")>("@/lib/env");
    });
    return loaded!.env;
  } finally {
    process.env = saved;
  }
}

describe("isLoopbackUrl", () => {
  it.each(["http://localhost:3000", "http://127.0.0.1:3204", "http://127.8.9.10/", "http://[::1]:3000/news"])(
    "%s is loopback",
    (url) => expect(isLoopbackUrl(url)).toBe(true),
  );

  it.each([
    "https://courier.example",
    "http://128.0.0.1",
    "http://127.0.0.1.example.com",
    "http://localhost.example.com",
    "http://[::2]",
    "http://0.0.0.0:3000",
    "http://10.0.0.5",
  ])("%s is not", (url) => expect(isLoopbackUrl(url)).toBe(false));
});

describe("EMAIL_SERVER on a public site", () => {
  it("refuses to start, saying how to fix it", () => {
    expect(() => loadEnv({ SITE_URL: "https://courier.example" })).toThrow(
      /EMAIL_SERVER: is not set, and SITE_URL \(https:\/\/courier\.example\) is not a loopback address.*Set EMAIL_SERVER to an SMTP URL.*AUTH_LOG_LINKS=1/s,
    );
  });

  it("starts with a mail server", () => {
    const env = loadEnv({ SITE_URL: "https://courier.example", EMAIL_SERVER: "smtp://mail.example:587" });
    expect(env.EMAIL_SERVER).toBe("smtp://mail.example:587");
  });

  it("starts without one when AUTH_LOG_LINKS=1 asks for links in the log", () => {
    expect(loadEnv({ SITE_URL: "https://courier.example", AUTH_LOG_LINKS: "1" }).AUTH_LOG_LINKS).toBe(true);
  });

  it("is not talked round by AUTH_LOG_LINKS=0, an empty EMAIL_SERVER or a junk value", () => {
    expect(() => loadEnv({ SITE_URL: "https://courier.example", AUTH_LOG_LINKS: "0" })).toThrow(
      /EMAIL_SERVER/,
    );
    expect(() => loadEnv({ SITE_URL: "https://courier.example", EMAIL_SERVER: "  " })).toThrow(
      /EMAIL_SERVER/,
    );
    expect(() => loadEnv({ SITE_URL: "https://courier.example", AUTH_LOG_LINKS: "yes" })).toThrow(
      /AUTH_LOG_LINKS: must be "1"/,
    );
  });

  it("lets `next build` load the configuration (the mail server is a run-time secret)", () => {
    const env = loadEnv({ SITE_URL: "https://courier.example", NEXT_PHASE: "phase-production-build" });
    expect(env.SITE_URL).toBe("https://courier.example");
  });

  it("keeps logging links on a loopback site, the fresh-install default", () => {
    expect(loadEnv({}).SITE_URL).toBe("http://localhost:3000");
    expect(loadEnv({ SITE_URL: "http://127.0.0.1:3204" }).EMAIL_SERVER).toBeUndefined();
    expect(mailConfigProblem({ SITE_URL: "http://[::1]:3000", AUTH_LOG_LINKS: false })).toBeNull();
  });
});

describe("RATE_LIMIT_STORE", () => {
  it("defaults to Redis when REDIS_URL is set, to memory otherwise, and an explicit choice wins", () => {
    expect(loadEnv({}).RATE_LIMIT_STORE).toBe("memory");
    expect(loadEnv({ REDIS_URL: "redis://127.0.0.1:6379" }).RATE_LIMIT_STORE).toBe("redis");
    expect(
      loadEnv({ REDIS_URL: "redis://127.0.0.1:6379", RATE_LIMIT_STORE: "memory" }).RATE_LIMIT_STORE,
    ).toBe("memory");
    expect(loadEnv({ RATE_LIMIT_STORE: "database" }).RATE_LIMIT_STORE).toBe("database");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("is a list of addresses and CIDR ranges, empty by default", () => {
    expect(loadEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(loadEnv({ TRUSTED_PROXIES: " 127.0.0.1, ::1 ,10.0.0.0/8,fd00::/8" }).TRUSTED_PROXIES).toEqual([
      "127.0.0.1",
      "::1",
      "10.0.0.0/8",
      "fd00::/8",
    ]);
  });

  it.each(["proxy.example", "10.0.0.0/33", "127.0.0.1/8/1", "*"])("refuses %s", (value) => {
    expect(() => loadEnv({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES: must be IP addresses/);
  });
});
