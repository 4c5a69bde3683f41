import { paths } from "@/lib/paths";

describe("paths: the one way to link to our own pages", () => {
  it("encodes every slug and id it is given", () => {
    expect(paths.article("a b/c?d#e")).toBe("/articles/a%20b%2Fc%3Fd%23e");
    expect(paths.section("x/y")).toBe("/sections/x%2Fy");
    expect(paths.tag("ü")).toBe("/tags/%C3%BC");
    expect(paths.author("a&b")).toBe("/authors/a%26b");
    expect(paths.comment("s/1", "c#2")).toBe("/articles/s%2F1/comments/c%232");
    expect(paths.moderation.user("u/1")).toBe("/moderation/users/u%2F1");
    expect(paths.moderation.article("a?1")).toBe("/moderation/articles/a%3F1");
  });

  it("writes a query of the values that are set, in the order given", () => {
    expect(paths.comments("s", { sort: "newest", after: null })).toBe("/articles/s/comments?sort=newest");
    expect(paths.comments("s", { sort: "top", after: "c:1" })).toBe(
      "/articles/s/comments?sort=top&after=c%3A1",
    );
    expect(paths.moderation.queue({ queue: "all", article: undefined, cursor: "" })).toBe(
      "/moderation?queue=all",
    );
    expect(paths.moderation.appeals({ show: false, cursor: "x" })).toBe("/moderation/appeals?cursor=x");
    expect(paths.moderation.queue()).toBe("/moderation");
  });

  it("builds search, sign-in and viewer URLs with their parameters encoded", () => {
    expect(paths.search()).toBe("/search");
    expect(paths.search("harbour & dock")).toBe("/search?q=harbour+%26+dock");
    expect(paths.search("harbour", 1)).toBe("/search?q=harbour");
    expect(paths.search("harbour", 3)).toBe("/search?q=harbour&page=3");
    expect(paths.signIn()).toBe("/signin");
    expect(paths.signIn("/articles/x#comments")).toBe("/signin?callbackUrl=%2Farticles%2Fx%23comments");
    expect(paths.signInError("AccessDenied")).toBe("/signin/error?error=AccessDenied");
    expect(paths.viewer()).toBe("/api/viewer");
    expect(paths.viewer("abc")).toBe("/api/viewer?article=abc");
    expect(paths.articleWith("x", "#comments")).toBe("/articles/x#comments");
  });
});
