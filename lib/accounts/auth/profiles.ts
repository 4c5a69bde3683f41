// What an OAuth/OIDC sign-in may tell us about the reader. An address the provider has not verified
// is no address: stored on a new account, it would make the real owner's later magic-link sign-in
// land in that stranger's account. Such a sign-up creates an account without an address instead.

/** OpenID Connect standard claims, as far as we read them (Google's ID token included). */
export type OidcClaims = {
  sub: string;
  name?: string | null;
  nickname?: string | null;
  preferred_username?: string | null;
  email?: string | null;
  /** Some providers send the string "true"; a missing claim is no verification. */
  email_verified?: boolean | string | null;
  picture?: string | null;
};

export type ProfileUser = { id: string; name: string | null; email: string | null; image: string | null };

/** The address only when the provider says it verified it. */
export function verifiedEmail(claims: Pick<OidcClaims, "email" | "email_verified">): string | null {
  const verified = claims.email_verified === true || claims.email_verified === "true";
  return verified && claims.email ? claims.email : null;
}

/** For OIDC and Google: Auth.js's default mapping, with an unverified address dropped. */
export function oidcProfile(claims: OidcClaims): ProfileUser {
  return {
    id: claims.sub,
    name: claims.name ?? claims.nickname ?? claims.preferred_username ?? null,
    email: verifiedEmail(claims),
    image: claims.picture ?? null,
  };
}

type GitHubEmail = { email: string; primary: boolean; verified: boolean };
export type GitHubUser = {
  id: number | string;
  login: string;
  name?: string | null;
  avatar_url?: string | null;
  /** Set by githubUserinfo: the primary address, when GitHub says it is verified. */
  verified_email?: string | null;
};

/**
 * GitHub's profile `email` is whatever the user made public, with no word on verification, and
 * Auth.js's own fallback takes the first address listed. So the address always comes from
 * GET /user/emails (scope user:email): the primary one, and only when GitHub marks it verified.
 */
export async function githubUserinfo(
  accessToken: string,
  apiBaseUrl = "https://api.github.com",
  fetcher: typeof fetch = fetch,
): Promise<GitHubUser> {
  const headers = { Authorization: `Bearer ${accessToken}`, "User-Agent": "authjs" };
  const profile = (await (await fetcher(`${apiBaseUrl}/user`, { headers })).json()) as GitHubUser;
  const res = await fetcher(`${apiBaseUrl}/user/emails`, { headers });
  const emails = res.ok ? ((await res.json()) as GitHubEmail[]) : [];
  const primary = Array.isArray(emails) ? emails.find((e) => e.primary && e.verified === true) : undefined;
  return { ...profile, verified_email: primary?.email ?? null };
}

export function githubProfile(profile: GitHubUser): ProfileUser {
  return {
    id: String(profile.id),
    name: profile.name ?? profile.login,
    email: profile.verified_email ?? null,
    image: profile.avatar_url ?? null,
  };
}
