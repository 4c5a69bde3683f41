// Auth.js: database sessions through the Prisma adapter, a magic link by e-mail, and GitHub, Google and
// any OpenID Connect provider when configured. Pages live under /signin (lib/accounts/auth/pages.ts names them).
import "server-only";
import { Auth } from "@auth/core";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Nodemailer from "next-auth/providers/nodemailer";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { db } from "../../db";
import { env } from "../../env";
import { sendVerificationRequest } from "./mail";
import { AUTH_PAGES, safeRedirect, sessionCookieName } from "./pages";
import { githubProfile, githubUserinfo, oidcProfile, type GitHubUser, type OidcClaims } from "./profiles";
import { authSecret, building } from "./secret";
import { createSignInUser } from "../../moderation/dal/sanctioned-addresses";
import { SESSION_LIFETIME, sessionUserId } from "../dal/sessions";

// Links in sign-in mail are built from this origin, never from the request's Host header, so a forged
// Host cannot send a reader a link to somebody else's server.
process.env.AUTH_URL ??= env.SITE_URL;

if (env.NODE_ENV === "production" && !env.AUTH_SECRET && !building) {
  throw new Error(
    "AUTH_SECRET is not set. Generate one with `openssl rand -base64 33` (npm start writes one).",
  );
}

export const SESSION_COOKIE = sessionCookieName(env.SITE_URL);

export type ProviderSummary = { id: string; name: string };

function oauthProviders(): Provider[] {
  const list: Provider[] = [];
  // Each provider's address is kept only when the provider verified it (lib/accounts/auth/profiles.ts).
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET)
    list.push(
      GitHub({
        clientId: env.AUTH_GITHUB_ID,
        clientSecret: env.AUTH_GITHUB_SECRET,
        userinfo: {
          url: "https://api.github.com/user",
          request: ({ tokens }: { tokens: { access_token?: string } }) =>
            githubUserinfo(tokens.access_token ?? ""),
        },
        profile: (profile) => githubProfile(profile as unknown as GitHubUser),
      }),
    );
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET)
    list.push(
      Google({
        clientId: env.AUTH_GOOGLE_ID,
        clientSecret: env.AUTH_GOOGLE_SECRET,
        profile: (profile) => oidcProfile(profile),
      }),
    );
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET)
    list.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      checks: ["pkce", "state", "nonce"],
      profile: (profile) => oidcProfile(profile as OidcClaims),
    });
  return list;
}

/** The buttons on /signin besides the e-mail form: only providers that are configured. */
export function oauthProviderSummaries(): ProviderSummary[] {
  return oauthProviders().map((p) => {
    const resolved = typeof p === "function" ? p() : p;
    return { id: resolved.id, name: resolved.name };
  });
}

// The adapter only needs the Auth.js models, which both generated clients share.
const adapter = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);

const config: NextAuthConfig = {
  adapter: {
    ...adapter,
    // A new account at an address that was suspended or banned starts with that sanction (created with
    // it, in one transaction, so there is no moment in which it stands unsanctioned).
    createUser: (user) => createSignInUser(user) as ReturnType<NonNullable<typeof adapter.createUser>>,
  },
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "database", ...SESSION_LIFETIME },
  pages: AUTH_PAGES,
  providers: [
    Nodemailer({
      // Nodemailer insists on a server even when we only log the link; sendMagicLink decides.
      server: env.EMAIL_SERVER ?? "smtp://127.0.0.1:25",
      from: env.EMAIL_FROM,
      maxAge: 60 * 60,
      sendVerificationRequest: ({ identifier, url, request }) =>
        sendVerificationRequest({ identifier, url, request }),
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
    redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
  },
};

// NextAuth() also completes `config` in place (base path, secret), which the route handler below reuses.
export const { signIn, signOut } = NextAuth(config);

/**
 * The session for server code (pages, route handlers, actions): `{ user: { id } }` or null. next-auth's
 * own auth() answers the same from a whole request to Auth.js's session endpoint (a Request, the
 * config, a CSRF token, a JSON Response whose cookie it then drops), which was a tenth of a comment
 * post's cost; this reads the same row by the same rule (lib/accounts/dal/sessions.ts). Sign-in and
 * sign-out still go through Auth.js.
 */
export async function auth(): Promise<{ user: { id: string } } | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  try {
    const id = await sessionUserId(token);
    return id ? { user: { id } } : null;
  } catch (err) {
    // What Auth.js answers when the session cannot be read: nobody is signed in.
    console.error(`[auth] could not read the session: ${(err as Error).message}`);
    return null;
  }
}

/**
 * The /api/auth/* route handler. next-auth's own moves the request onto AUTH_URL by building a new
 * NextRequest, whose URL parser rewrites 127.0.0.1 to "localhost": with SITE_URL on 127.0.0.1 the
 * magic-link callback then redirected to another host than the one holding the new session cookie,
 * and the OIDC token request named a redirect_uri the provider never saw. A plain Request on SITE_URL
 * keeps the origin exactly (and, like AUTH_URL, ignores the Host header).
 */
async function handle(req: NextRequest): Promise<Response> {
  const url = new URL(req.nextUrl.pathname + req.nextUrl.search, env.SITE_URL);
  const body = req.method === "POST" ? await req.arrayBuffer() : undefined;
  return Auth(new Request(url, { method: req.method, headers: req.headers, body }), config);
}

export const handlers = { GET: handle, POST: handle };
