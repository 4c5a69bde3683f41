// SITE_URL is an origin: under a path prefix every internal link, form and fetch would break, so
// lib/env.ts refuses one at start-up with a message that says what to do instead.
function loadEnvWith(siteUrl: string) {
  const saved = { ...process.env };
  Object.assign(process.env, { SITE_URL: siteUrl, EMAIL_SERVER: "smtp://127.0.0.1:25" });
  try {
    let loaded: unknown;
    jest.isolateModules(() => {
      loaded = jest.requireActual<typeof import("@/lib/env")>("@/lib/env").env;
    });
    return loaded as { SITE_URL: string };
  } finally {
    process.env = saved;
  }
}

describe("SITE_URL", () => {
  it.each(["https://news.example.org", "https://news.example.org/", "http://127.0.0.1:3000"])(
    "accepts the origin %s",
    (url) => {
      expect(new URL(loadEnvWith(url).SITE_URL).origin).toBe(new URL(url).origin);
    },
  );

  it.each(["https://example.org/news", "https://example.org/news/", "https://example.org/?x=1"])(
    "refuses %s, naming the variable and what to do",
    (url) => {
      expect(() => loadEnvWith(url)).toThrow(
        /SITE_URL: must be an origin such as https:\/\/news\.example\.org, without a path/,
      );
      expect(() => loadEnvWith(url)).toThrow(JSON.stringify(url));
    },
  );
});
