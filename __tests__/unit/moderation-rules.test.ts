import { countLinks, findListedWord, foldText, parseWordList } from "@/lib/moderation/words";
import {
  decide,
  isCommentingOpen,
  slowModeWait,
  type RuleAuthor,
  type RuleSettings,
} from "@/lib/moderation/rules";

describe("word lists", () => {
  const match = (text: string, list: string) => findListedWord(text, list);

  it.each([
    ["I live in Scunthorpe", "cunt"],
    ["Classic assessment of the bass", "ass"],
    ["A shitake mushroom", "shit"],
    ["hello world", "hell"],
    ["the therapist", "rapist"],
  ])("does not match inside a longer word: %s / %s", (text, word) => {
    expect(match(text, word)).toBeNull();
  });

  it.each([
    ["Go to HELL now", "hell", "hell"],
    ["hell.", "hell", "hell"],
    ["(hell)", "hell", "hell"],
    ["what the hell?!", "hell", "hell"],
    ["«Hell»", "hell", "hell"],
    ["hell-bent", "hell", "hell"],
    ["Un café crème", "cafe", "cafe"],
    ["un CAFE", "café", "cafe"],
    ["Ｆｕｌｌwidth ＨＥＬＬ", "hell", "hell"],
    ["Ünïcödé façade", "facade", "facade"],
    ["Straße", "straße", "straße"],
  ])("matches whole words, any case and accent: %s / %s", (text, list, expected) => {
    expect(match(text, list)).toBe(expected);
  });

  it("matches phrases as consecutive words across punctuation and spacing", () => {
    expect(match("Get FREE\n  money, now", "free money")).toBe("free money");
    expect(match("free-money!", "free money")).toBe("free money");
    expect(match("free the money", "free money")).toBeNull();
    expect(match("carefree money", "free money")).toBeNull();
  });

  it("handles non-Latin scripts and digits", () => {
    expect(match("Это спам тут", "СПАМ")).toBe("спам");
    expect(match("спамер", "спам")).toBeNull();
    expect(match("call 0800 now", "0800")).toBe("0800");
    expect(match("call 08001 now", "0800")).toBeNull();
  });

  it("keeps apostrophes inside words", () => {
    expect(match("don't", "don")).toBeNull();
    expect(match("Don’t do it", "don't")).toBe("don't");
  });

  it("ignores blank lines, comments and duplicates in the list", () => {
    expect(parseWordList("\n# a note\nfoo\n  FOO \n\nbar baz\n")).toEqual([["foo"], ["bar", "baz"]]);
    expect(match("anything at all", "\n\n# only a comment\n")).toBeNull();
    expect(match("a # sign", "#")).toBeNull();
  });

  it("folds case and diacritics", () => {
    expect(foldText("ÀÉÎõü")).toBe("aeiou");
  });
});

describe("countLinks", () => {
  it.each([
    ["no links here", 0],
    ["see https://example.com/a and http://x.org", 2],
    ["www.example.com plus spam.example.biz", 2],
    ["[a](https://one.test/x) [b](https://two.test/y) [c](https://three.test/z)", 3],
    ["e.g. this and i.e. that", 0],
    ["version 1.2.3 of node.js", 0],
  ])("%s → %i", (body, n) => {
    expect(countLinks(body)).toBe(n);
  });
});

const settings: RuleSettings = {
  premoderation: "OFF",
  premoderateFirstN: 2,
  maxLinks: 2,
  suspectWords: "idiot",
  bannedWords: "slur\nfree money",
};
const reader: RuleAuthor = { role: "READER", premoderate: false, shadowBanned: false, publishedComments: 10 };

describe("decide", () => {
  it("publishes an ordinary comment", () => {
    expect(decide(reader, null, settings, "A fair point.")).toEqual({ status: "PUBLISHED", reason: null });
  });
  it("rejects a banned word with a neutral message, before any hold", () => {
    const d = decide({ ...reader, premoderate: true }, "ALL", settings, "what a SLUR");
    expect(d).toMatchObject({ status: "REJECTED", reason: "banned-word:slur" });
    expect(d.message).not.toMatch(/slur/i);
  });
  it("holds suspect words, too many links, premoderated users", () => {
    expect(decide(reader, null, settings, "You idiot.")).toMatchObject({
      status: "PENDING",
      reason: "suspect-word:idiot",
    });
    expect(decide(reader, null, settings, "a.com b.com c.com")).toMatchObject({
      status: "PENDING",
      reason: "links:3",
    });
    expect(decide(reader, null, settings, "a.com b.com")).toMatchObject({ status: "PUBLISHED" });
    expect(decide({ ...reader, premoderate: true }, null, settings, "hi")).toMatchObject({
      status: "PENDING",
      reason: "premoderate:user",
    });
  });
  it("applies the premoderation modes, the story's override winning over the site's", () => {
    const newbie = { ...reader, publishedComments: 1 };
    expect(decide(newbie, null, { ...settings, premoderation: "NEW_USERS" }, "hi")).toMatchObject({
      status: "PENDING",
      reason: "premoderate:new-user:site",
    });
    expect(
      decide({ ...reader, publishedComments: 2 }, null, { ...settings, premoderation: "NEW_USERS" }, "hi"),
    ).toMatchObject({ status: "PUBLISHED" });
    expect(decide(reader, null, { ...settings, premoderation: "ALL" }, "hi")).toMatchObject({
      status: "PENDING",
      reason: "premoderate:site",
    });
    expect(decide(reader, "ALL", settings, "hi")).toMatchObject({
      status: "PENDING",
      reason: "premoderate:article",
    });
    expect(decide(reader, "OFF", { ...settings, premoderation: "ALL" }, "hi")).toMatchObject({
      status: "PUBLISHED",
    });
    expect(decide(newbie, "NEW_USERS", settings, "hi")).toMatchObject({
      status: "PENDING",
      reason: "premoderate:new-user:article",
    });
  });
  it("publishes a shadow-banned author's comment marked shadow-ban", () => {
    expect(decide({ ...reader, shadowBanned: true }, "ALL", settings, "hi")).toEqual({
      status: "PUBLISHED",
      reason: "shadow-ban",
    });
  });
  it("lets staff through every rule", () => {
    expect(
      decide({ ...reader, role: "MODERATOR", premoderate: true }, "ALL", settings, "slur"),
    ).toMatchObject({ status: "PUBLISHED" });
  });
});

describe("isCommentingOpen and slow mode", () => {
  const published = new Date("2026-01-01T00:00:00Z");
  const day = (n: number) => new Date(published.getTime() + n * 86_400_000);
  const article = { commentsClosed: false, publishedAt: published, autoCloseDays: null };

  it("closes when a moderator closed it", () => {
    expect(isCommentingOpen({ ...article, commentsClosed: true }, { autoCloseDays: null }, day(0))).toBe(
      false,
    );
  });
  it("auto-closes after the site's days, the story's own days winning; 0 on the story means never", () => {
    expect(isCommentingOpen(article, { autoCloseDays: 7 }, day(6.99))).toBe(true);
    expect(isCommentingOpen(article, { autoCloseDays: 7 }, day(7))).toBe(false);
    expect(isCommentingOpen({ ...article, autoCloseDays: 30 }, { autoCloseDays: 7 }, day(8))).toBe(true);
    expect(isCommentingOpen({ ...article, autoCloseDays: 0 }, { autoCloseDays: 7 }, day(800))).toBe(true);
    expect(isCommentingOpen(article, { autoCloseDays: null }, day(800))).toBe(true);
  });
  it("slow mode waits the rest of the interval", () => {
    const last = new Date("2026-01-01T00:00:00Z");
    const at = (s: number) => new Date(last.getTime() + s * 1000);
    expect(slowModeWait(60, last, at(10))).toBe(50);
    expect(slowModeWait(60, last, at(59.5))).toBe(1);
    expect(slowModeWait(60, last, at(60))).toBeNull();
    expect(slowModeWait(null, last, at(1))).toBeNull();
    expect(slowModeWait(60, null, at(1))).toBeNull();
  });
});
