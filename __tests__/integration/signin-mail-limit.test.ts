// Sign-in mail limits (lib/accounts/auth/mail-limit.ts) through the e-mail provider's real
// sendVerificationRequest, with the mail caught by a real SMTP server on loopback. Redis runs when
// TEST_REDIS_URL names a server (redis://127.0.0.1:6379).
import type { AddressInfo } from "node:net";
import Redis from "ioredis";
import { SMTPServer } from "smtp-server";
import type * as AuthMail from "@/lib/accounts/auth/mail";
import type * as AuthMailLimit from "@/lib/accounts/auth/mail-limit";
import type { SignInMailLimiter } from "@/lib/accounts/auth/mail-limit";

const caught: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on("end", () => {
      caught.push(...session.envelope.rcptTo.map((r) => r.address.toLowerCase()));
      callback();
    });
  },
});

// Both modules load lib/env.ts, which reads the environment once: only after the catcher listens.
let mail: typeof AuthMail;
let createSignInMailLimiter: typeof AuthMailLimit.createSignInMailLimiter;
let mailLimitKey: typeof AuthMailLimit.mailLimitKey;
let signInMailStore: typeof AuthMailLimit.signInMailStore;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.TRUSTED_PROXIES = "127.0.0.1,::1";
  mail = await import("@/lib/accounts/auth/mail");
  ({ createSignInMailLimiter, mailLimitKey, signInMailStore } =
    await import("@/lib/accounts/auth/mail-limit"));
});
afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)));
beforeEach(() => {
  caught.length = 0;
});

const LINK = "http://localhost:3000/api/auth/callback/nodemailer?token=t";
/** What Auth.js hands sendVerificationRequest: the request carries the headers Next.js saw. */
const request = (forwardedFor: string) =>
  new Request("http://localhost:3000/api/auth/signin/nodemailer", {
    method: "POST",
    headers: { "x-forwarded-for": forwardedFor },
  });

describe("mailLimitKey", () => {
  it("counts one mailbox however the address is written", () => {
    for (const a of [
      "reader@example.com",
      " Reader@Example.COM ",
      "reader+news@example.com",
      "READER+a+b@example.com",
    ])
      expect(mailLimitKey(a)).toBe("reader@example.com");
    expect(mailLimitKey("+only@example.com")).toBe("+only@example.com");
    expect(mailLimitKey("other@example.com")).toBe("other@example.com");
  });
});

describe("the sign-in mail limit per address", () => {
  it("mails an address three times in 15 minutes, +tag variants included, and not a fourth", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const ip = "203.0.113.10, 127.0.0.1";
      for (const address of ["limit@example.com", "limit+news@example.com", "LIMIT+x@example.com"])
        await mail.sendVerificationRequest({ identifier: address, url: LINK, request: request(ip) });
      expect(caught).toEqual(["limit@example.com", "limit+news@example.com", "limit+x@example.com"]);

      await mail.sendVerificationRequest({
        identifier: "limit+4@example.com",
        url: LINK,
        request: request(ip),
      });
      expect(caught).toHaveLength(3);
      expect(warn).toHaveBeenCalledTimes(1);
      const logged = String(warn.mock.calls[0]![0]);
      expect(logged).toMatch(
        /^Sign-in mail not sent: the per-address limit is reached \(address sha256:[0-9a-f]{12}, client 203\.0\.113\.10\)/,
      );
      expect(logged).not.toMatch(/example\.com/);

      // Another address, from another client, is mailed as before.
      await mail.sendVerificationRequest({
        identifier: "other@example.com",
        url: LINK,
        request: request("203.0.113.11"),
      });
      expect(caught).toEqual(expect.arrayContaining(["other@example.com"]));
    } finally {
      warn.mockRestore();
    }
  });
});

describe("the sign-in mail limit per client IP address", () => {
  let limiter: SignInMailLimiter;
  beforeEach(() => {
    limiter = createSignInMailLimiter({ store: "memory", keyPrefix: `ip-${Date.now()}` });
  });
  afterEach(() => limiter.close());
  const send = (identifier: string, forwardedFor: string) =>
    mail.sendVerificationRequest({ identifier, url: LINK, request: request(forwardedFor) }, limiter);

  it("mails 20 addresses an hour for one client, then stops, and other clients go on", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      for (let i = 0; i < 21; i++) await send(`spray-${i}@example.com`, "198.51.100.7, 127.0.0.1");
      expect(caught).toHaveLength(20);
      expect(caught).not.toContain("spray-20@example.com");
      expect(warn.mock.calls[0]![0]).toMatch(/per-IP limit is reached .*client 198\.51\.100\.7/);
      await send("spray-20@example.com", "198.51.100.8, 127.0.0.1");
      expect(caught).toContain("spray-20@example.com");
    } finally {
      warn.mockRestore();
    }
  });

  it("is not escaped by writing a new X-Forwarded-For entry on each request", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      // The client writes the left entries; the trusted proxy on 127.0.0.1 appends what it saw.
      for (let i = 0; i < 21; i++)
        await send(`rotate-${i}@example.com`, `192.0.2.${i}, 198.51.100.9, 127.0.0.1`);
      expect(caught).toHaveLength(20);
    } finally {
      warn.mockRestore();
    }
  });

  it("does not make every client whose address is unknown share one bucket (that would stop all sign-in mail)", async () => {
    // No trusted proxy vouches for this header and no peer address is known: the client is unknown.
    const unknown = (identifier: string) =>
      mail.sendVerificationRequest(
        { identifier, url: LINK, request: new Request("http://127.0.0.1/", { method: "POST" }) },
        limiter,
      );
    for (let i = 0; i < 25; i++) await unknown(`anyone-${i}@example.com`);
    expect(caught.filter((a) => a.startsWith("anyone-"))).toHaveLength(25);
  });

  it("gives a refused mail's place back to its address", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      for (let i = 0; i < 20; i++) await send(`fill-${i}@example.com`, "198.51.100.20, 127.0.0.1");
      await send("victim@example.com", "198.51.100.20, 127.0.0.1");
      for (let i = 0; i < 3; i++) await send("victim@example.com", `198.51.100.${30 + i}, 127.0.0.1`);
      expect(caught.filter((a) => a === "victim@example.com")).toHaveLength(3);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("the store", () => {
  it("is Redis when REDIS_URL is set, even with RATE_LIMIT_STORE=database, which cannot count mails", () => {
    expect(signInMailStore({ RATE_LIMIT_STORE: "memory", REDIS_URL: undefined })).toBe("memory");
    expect(signInMailStore({ RATE_LIMIT_STORE: "redis", REDIS_URL: "redis://r" })).toBe("redis");
    expect(signInMailStore({ RATE_LIMIT_STORE: "database", REDIS_URL: undefined })).toBe("memory");
    expect(signInMailStore({ RATE_LIMIT_STORE: "database", REDIS_URL: "redis://r" })).toBe("redis");
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
(redisUrl ? describe : describe.skip)("sign-in mail limits in Redis", () => {
  const prefix = `test-signin-${process.pid}-${Date.now()}`;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(redisUrl!, { enableOfflineQueue: true });
    await redis.ping();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("is one count for two servers: three mails to an address between them, not six", async () => {
    // Two servers, each with its own connection (connected first: until then the in-memory insurance
    // limiter of each would answer alone).
    const [ra, rb] = [new Redis(redisUrl!), new Redis(redisUrl!)];
    await Promise.all([ra.ping(), rb.ping()]);
    const a = createSignInMailLimiter({ store: "redis", redis: ra, keyPrefix: prefix });
    const b = createSignInMailLimiter({ store: "redis", redis: rb, keyPrefix: prefix });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const send = (limiter: SignInMailLimiter, identifier: string, ip: string) =>
        mail.sendVerificationRequest(
          { identifier, url: LINK, request: request(`${ip}, 127.0.0.1`) },
          limiter,
        );
      await send(a, "shared@example.com", "198.51.100.40");
      await send(b, "shared+1@example.com", "198.51.100.41");
      await send(a, "shared+2@example.com", "198.51.100.42");
      await send(b, "shared@example.com", "198.51.100.43");
      await send(a, "shared+3@example.com", "198.51.100.44");
      expect(caught).toEqual(["shared@example.com", "shared+1@example.com", "shared+2@example.com"]);
      expect(await redis.exists(`${prefix}:address:shared@example.com`)).toBe(1);
    } finally {
      warn.mockRestore();
      await Promise.all([a.close(), b.close()]);
      await Promise.all([ra.quit(), rb.quit()]);
    }
  });
});
