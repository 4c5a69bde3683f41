// The magic-link mail. With EMAIL_SERVER unset (a fresh local install) the link goes to the server log
// instead, so the demo works offline; production sets EMAIL_SERVER.
import "server-only";
import { createTransport } from "nodemailer";
import { env, isLoopbackUrl } from "../../env";
import { clientIp } from "../../http/client-ip";
import { addressTag, signInMailLimiter, type SignInMailLimiter } from "./mail-limit";

let warned = false;

export function magicLinkMail(to: string, url: string) {
  const site = env.SITE_NAME;
  return {
    to,
    from: env.EMAIL_FROM,
    subject: `Sign in to ${site}`,
    text: `Sign in to ${site} by opening this link:\n\n${url}\n\nThe link works once and expires in an hour. If you did not ask for it, ignore this e-mail.\n`,
    html: `<p>Sign in to ${escapeHtml(site)}:</p><p><a href="${escapeHtml(url)}">Sign in</a></p><p>The link works once and expires in an hour. If you did not ask for it, ignore this e-mail.</p>`,
  };
}

export async function sendMagicLink(to: string, url: string): Promise<void> {
  if (!env.EMAIL_SERVER) {
    if (!warned) {
      // lib/env.ts lets a public site get here only with AUTH_LOG_LINKS=1.
      console.warn(
        isLoopbackUrl(env.SITE_URL)
          ? "EMAIL_SERVER is not set: sign-in links are written to this log instead of being mailed."
          : `EMAIL_SERVER is not set and AUTH_LOG_LINKS=1: sign-in links for ${env.SITE_URL} are written to this log. Anyone who reads it can sign in as any reader.`,
      );
      warned = true;
    }
    console.log(`Sign-in link for ${to}: ${url}`);
    return;
  }
  const transport = createTransport(env.EMAIL_SERVER);
  const result = await transport.sendMail(magicLinkMail(to, url));
  const failed = [...(result.rejected ?? []), ...(result.pending ?? [])].filter(Boolean);
  if (failed.length) throw new Error(`The sign-in e-mail to ${failed.join(", ")} could not be sent.`);
}

/**
 * The e-mail provider's sendVerificationRequest: the one point that both our form and Auth.js's own
 * POST /api/auth/signin/nodemailer pass through. Over a limit nothing is sent and the caller is not
 * told, so the reader sees the same "check your e-mail" page and no address can be probed.
 */
export async function sendVerificationRequest(
  { identifier, url, request }: { identifier: string; url: string; request: Request },
  limiter: SignInMailLimiter = signInMailLimiter(),
): Promise<void> {
  const ip = clientIp(request.headers);
  const verdict = await limiter.take(identifier, ip);
  if (!verdict.ok) {
    console.warn(
      `Sign-in mail not sent: the ${verdict.limit === "address" ? "per-address" : "per-IP"} limit is reached ` +
        `(address ${addressTag(identifier)}, client ${ip}).`,
    );
    return;
  }
  await sendMagicLink(identifier, url);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
