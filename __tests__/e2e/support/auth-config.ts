// Ports and credentials shared by playwright.config.ts (the site's environment), the loopback mail and
// identity servers (scripts/e2e-auth-servers.ts) and the sign-in specs. Fixed defaults that clash with
// nothing else the suite or the benchmark starts; override them to run two suites side by side.
const port = (name: string, fallback: number) => Number(process.env[name] || fallback);

const sitePort = port("E2E_PORT", 3204);
const smtpPort = port("E2E_SMTP_PORT", 3206);
const oidcPort = port("E2E_OIDC_PORT", 3207);
const mailApiPort = port("E2E_MAIL_PORT", 3208);

export const E2E_AUTH = {
  siteUrl: `http://127.0.0.1:${sitePort}`,
  smtpPort,
  oidcPort,
  mailApiPort,
  mailApiUrl: `http://127.0.0.1:${mailApiPort}`,
  oidcIssuer: `http://127.0.0.1:${oidcPort}`,
  oidcClientId: "newsroom-e2e",
  oidcClientSecret: "e2e-only-oidc-client-secret-0123456789",
  oidcName: "Test identity provider",
};

/** What the site under test needs to send mail to the catcher and to offer the test OIDC provider. */
export const E2E_AUTH_SITE_ENV = {
  AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdefghijklmnop",
  EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`,
  EMAIL_FROM: "The Port Alder Courier <no-reply@courier.example>",
  AUTH_OIDC_ISSUER: E2E_AUTH.oidcIssuer,
  AUTH_OIDC_ID: E2E_AUTH.oidcClientId,
  AUTH_OIDC_SECRET: E2E_AUTH.oidcClientSecret,
  AUTH_OIDC_NAME: E2E_AUTH.oidcName,
  // The browser connects straight to the site, so a spec can name its client with X-Forwarded-For and
  // keep its sign-in mails out of the other specs' per-IP count (lib/http/client-ip.ts).
  TRUSTED_PROXIES: "127.0.0.1,::1",
};
