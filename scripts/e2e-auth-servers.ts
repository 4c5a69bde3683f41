// The browser suite's stand-ins for the outside world, on loopback (started by playwright.config.ts):
// - an SMTP server (smtp-server) that catches the magic-link mail the site sends,
// - a tiny HTTP endpoint where the specs read the caught mail (GET /messages?to=<address>),
// - an OpenID Connect provider (oidc-provider) with its development login and consent pages.
// Runs on its own too: `npx tsx scripts/e2e-auth-servers.ts`.
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";
import { Provider } from "oidc-provider";
import { E2E_AUTH } from "../__tests__/e2e/support/auth-config";

type CaughtMail = { to: string[]; subject: string; link: string | null; receivedAt: string };
const inbox: CaughtMail[] = [];

/** Undoes quoted-printable soft breaks and escapes, enough to find a URL in a raw message. */
function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const smtp = new SMTPServer({
  authOptional: true,
  // Plain SMTP on loopback: nothing to encrypt, and no certificate to manage.
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const raw = decodeQuotedPrintable(Buffer.concat(chunks).toString("utf8"));
      inbox.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        subject: /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? "",
        link: /https?:\/\/[^\s"<>]+\/api\/auth\/callback\/nodemailer\?[^\s"<>]+/.exec(raw)?.[0] ?? null,
        receivedAt: new Date().toISOString(),
      });
      callback();
    });
  },
});

const mailApi = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  res.setHeader("content-type", "application/json");
  if (url.pathname === "/health") return res.end('{"ok":true}');
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    return res.end(JSON.stringify(inbox.filter((m) => !to || m.to.includes(to))));
  }
  res.statusCode = 404;
  res.end("{}");
});

const oidc = new Provider(E2E_AUTH.oidcIssuer, {
  clients: [
    {
      client_id: E2E_AUTH.oidcClientId,
      client_secret: E2E_AUTH.oidcClientSecret,
      redirect_uris: [`${E2E_AUTH.siteUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Whatever login the spec types on the provider's login page becomes the account. A login of
  // "unverified:<address>" claims that address without having verified it (email_verified: false).
  findAccount: (_ctx, sub) => ({
    accountId: sub,
    claims: () => {
      const unverified = /^unverified:(.+)$/.exec(sub)?.[1];
      return unverified
        ? { sub, email: unverified, email_verified: false, name: `OIDC unverified` }
        : { sub, email: `${sub}@oidc.example`, email_verified: true, name: `OIDC ${sub}` };
    },
  }),
  features: { devInteractions: { enabled: true } },
  // Auth.js reads the profile from the ID token, not the userinfo endpoint: put the claims there.
  conformIdTokenClaims: false,
  cookies: { keys: ["e2e-only-oidc-cookie-key"] },
});

smtp.listen(E2E_AUTH.smtpPort, "127.0.0.1");
mailApi.listen(E2E_AUTH.mailApiPort, "127.0.0.1");
oidc.listen(E2E_AUTH.oidcPort, "127.0.0.1");
console.log(
  `e2e auth servers: SMTP on 127.0.0.1:${E2E_AUTH.smtpPort}, caught mail on ${E2E_AUTH.mailApiUrl}/messages, ` +
    `OIDC issuer ${E2E_AUTH.oidcIssuer}`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    smtp.close(() => undefined);
    mailApi.close();
    process.exit(0);
  });
