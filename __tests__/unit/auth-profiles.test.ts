// lib/accounts/auth/profiles.ts: an address a provider has not verified never reaches a new account.
import { githubProfile, githubUserinfo, oidcProfile, verifiedEmail } from "@/lib/accounts/auth/profiles";

describe("oidcProfile (OpenID Connect and Google)", () => {
  const claims = { sub: "abc", name: "Ada", email: "ada@example.com", picture: "https://img.example/a.png" };

  it("keeps a verified address", () => {
    expect(oidcProfile({ ...claims, email_verified: true })).toEqual({
      id: "abc",
      name: "Ada",
      email: "ada@example.com",
      image: "https://img.example/a.png",
    });
    expect(oidcProfile({ ...claims, email_verified: "true" }).email).toBe("ada@example.com");
  });

  it("drops an address the provider says is not verified", () => {
    expect(oidcProfile({ ...claims, email_verified: false })).toEqual({
      id: "abc",
      name: "Ada",
      email: null,
      image: "https://img.example/a.png",
    });
    expect(oidcProfile({ ...claims, email_verified: "false" }).email).toBeNull();
  });

  it("drops an address when the provider says nothing about verifying it", () => {
    expect(oidcProfile(claims).email).toBeNull();
    expect(verifiedEmail({ email: "x@example.com", email_verified: null })).toBeNull();
    expect(verifiedEmail({ email_verified: true })).toBeNull();
  });

  it("names the reader as Auth.js does", () => {
    expect(oidcProfile({ sub: "1", preferred_username: "ada" }).name).toBe("ada");
    expect(oidcProfile({ sub: "1", nickname: "A", preferred_username: "ada" }).name).toBe("A");
    expect(oidcProfile({ sub: "1" })).toEqual({ id: "1", name: null, email: null, image: null });
  });
});

describe("GitHub", () => {
  /** GitHub's API as a table of answers, the way githubUserinfo calls it. */
  const api = (emails: unknown, status = 200) =>
    (async (url: string | URL | Request) => {
      const path = new URL(String(url)).pathname;
      if (path === "/user")
        return Response.json({
          id: 42,
          login: "ada",
          name: null,
          email: "public@example.com",
          avatar_url: "a.png",
        });
      return Response.json(emails, { status });
    }) as typeof fetch;

  it("takes the primary address when GitHub marks it verified, never the public profile one", async () => {
    const profile = await githubUserinfo(
      "token",
      "https://api.github.test",
      api([
        { email: "other@example.com", primary: false, verified: true },
        { email: "primary@example.com", primary: true, verified: true },
      ]),
    );
    expect(githubProfile(profile)).toEqual({
      id: "42",
      name: "ada",
      email: "primary@example.com",
      image: "a.png",
    });
  });

  it("has no address when the primary one is unverified, even if another is verified", async () => {
    const profile = await githubUserinfo(
      "token",
      "https://api.github.test",
      api([
        { email: "primary@example.com", primary: true, verified: false },
        { email: "other@example.com", primary: false, verified: true },
      ]),
    );
    expect(githubProfile(profile).email).toBeNull();
  });

  it("has no address when the address list cannot be read", async () => {
    const profile = await githubUserinfo("token", "https://api.github.test", api({ message: "nope" }, 403));
    expect(githubProfile(profile).email).toBeNull();
    expect(githubProfile({ id: 1, login: "x" }).email).toBeNull();
  });
});
