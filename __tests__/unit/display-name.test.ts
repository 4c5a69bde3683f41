// The rules a display name meets before it reaches the database: impersonation, blank-looking names and
// piles of combining marks. Names taken and staff names need the database: see dal-rename tests.
import { displayNameProblem, nameSkeleton } from "@/lib/accounts/display-name";
import { displayNameSchema } from "@/lib/accounts/schemas/account";

const refused = (name: string) => {
  const parsed = displayNameSchema.safeParse(name);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

describe("nameSkeleton", () => {
  it.each([
    ["Moderator", "moderator"],
    ["Mοderator", "moderator"], // Greek ο
    ["МODERATOR", "moderator"], // Cyrillic М
    ["ＭＯＤＥＲＡＴＯＲ", "moderator"],
    ["ModeratoI", "moderatol"],
    ["Jane  Doe", "jane doe"],
    ["Jаne Dое", "jane doe"],
    ["Ｊane D0e", "jane doe"],
    ["Ann\u200Bie", "annle"],
    ["Admin", "admln"],
    ["AdmIn", "admln"],
    ["Admln", "admln"],
    ["Adm1n", "admln"],
    ["Vernon", "vemon"],
  ])("%j → %j", (name, skeleton) => {
    expect(nameSkeleton(name)).toBe(skeleton);
  });
});

describe("reserved names", () => {
  it.each([
    "Moderator",
    "moderator",
    "Mod",
    "MODS",
    "Admin",
    "Administrator",
    "Staff",
    "Editor",
    "System",
    "Deleted",
    "[deleted]",
    "[dеleted]", // Cyrillic е
    "(deleted)",
    "Anonymous",
    "Site Moderator",
    "The Admin Team",
    "Jane - Editor",
    "Mοderator", // Greek ο
    "Admlnistrator", // l for i
    "Admln",
    "Adm1n",
    "M0derator",
    "M o d e r a t o r",
    "s.t.a.f.f",
    "Moderatooor",
    "ＡＤＭＩＮ",
    "A\u200Bdmin", // the zero-width space is removed first
    "Reader 1a2b3",
    "reader ck9xz",
    "Reader_abcde",
  ])("refuses %j", (name) => {
    expect(refused(name)).toMatch(/reserved/);
  });

  it("refuses the site's own name when the caller passes it", () => {
    expect(displayNameProblem("The Port Alder Courier", ["The Port Alder Courier"])).toMatch(/reserved/);
    expect(displayNameProblem("Pοrt Alder Courier fan", ["Port Alder Courier"])).toMatch(/reserved/);
    expect(displayNameProblem("Port Alder Fan", ["Port Alder Courier"])).toBeNull();
  });

  it.each([
    "Modesto Reyes",
    "Admiral Ackbar",
    "Ada Lovelace",
    "Ed Itor", // two words, neither reserved
    "Stafford",
    "Systematic Sam",
    "Anonymity Fan",
    "Model Citizen",
    "Reader of papers",
    "Reader Jo",
    "Zoë",
    "李小龍",
    "Nguyễn Thị Ánh Nguyệt",
    "प्रियंका चोपड़ा",
    "Ольга",
    "Σοφία",
    "O'Brien-Smith",
  ])("accepts %j", (name) => {
    expect(refused(name)).toBeUndefined();
  });
});

describe("blank-looking names", () => {
  it.each([
    ["Hangul filler", "\u3164\u3164\u3164"],
    ["Hangul choseong filler", "\u115F\u115F"],
    ["halfwidth Hangul filler", "\uFFA0\uFFA0"],
    ["braille blank", "\u2800\u2800\u2800"],
    ["zero-width characters", "\u200B\u200C\u200D\u2060\uFEFF"],
    ["spaces of all widths", "\u2002\u2003\u3000 \u00A0"],
    ["only combining marks", "\u0301\u0302\u0303"],
    ["fillers around a mark", "\u3164\u0301\u3164"],
  ])("refuses %s", (_label, name) => {
    expect(refused(name)).toEqual(expect.any(String));
  });

  it("drops fillers from a name that has letters", () => {
    expect(displayNameSchema.parse("Bob\u3164\u2800")).toBe("Bob");
  });
});

describe("combining marks", () => {
  it("refuses more than two marks on one letter", () => {
    expect(refused("Zal\u0300\u0301\u0302go")).toMatch(/marks/);
  });

  it("refuses Zalgo text", () => {
    const zalgo = [..."Hello"].map((c) => c + "\u0336\u0337").join("");
    expect(refused(zalgo)).toMatch(/marks/);
  });

  it("refuses more than a small total", () => {
    const struck = [..."bcdfghjkl"].map((c) => c + "\u0336").join(""); // one mark each, nine in all
    expect(refused(struck)).toMatch(/marks/);
    expect(refused(struck.slice(2))).toBeUndefined();
  });

  it("accepts two marks on a letter and names whose accents compose", () => {
    expect(refused("Ca\u0301\u0302t")).toBeUndefined();
    expect(refused("Nguye\u0302\u0303n")).toBeUndefined();
  });
});
