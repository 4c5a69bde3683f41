// The banned and suspect lists against the ways readers disguise a word, and against ordinary comments
// that must never trip them.
import { findListedWord } from "@/lib/moderation/words";
import { decide, type RuleAuthor, type RuleSettings } from "@/lib/moderation/rules";

const BANNED = "idiot\nmoron\nscum\nass\nhell\nfree money";
const SUSPECT = "liar\nfraud";
const LISTS = `${BANNED}\n${SUSPECT}`;

describe("evasions of a listed word", () => {
  it.each([
    ["Cyrillic а", "what a mоrоn", "moron"], // о U+043E
    ["Cyrillic і and о", "you іdіоt", "idiot"],
    ["Cyrillic capitals", "SСUM", "scum"], // С U+0421
    ["Greek ο", "you idiοt", "idiot"], // ο U+03BF
    ["Greek ι and capital Ο", "ΙDΙΟΤ", "idiot"],
    ["Latin small capitals", "ᴍᴏʀᴏɴ", "moron"],
    ["fullwidth", "ｉｄｉｏｔ", "idiot"],
    ["mathematical bold", "𝐬𝐜𝐮𝐦", "scum"],
    ["accents", "ídïôt", "idiot"],
    ["combining marks piled on", "i\u0301\u0302d\u0303iot", "idiot"],
    ["leetspeak digits", "you 1d10t", "idiot"],
    ["leetspeak symbols", "$cum", "scum"],
    ["leetspeak @", "@ss", "ass"],
    ["leetspeak 5", "a55", "ass"],
    ["leetspeak ! and |", "!d|ot", "idiot"],
    ["leetspeak 0", "m0r0n", "moron"],
    ["leetspeak 7", "1d107", "idiot"],
    ["spaced", "you i d i o t", "idiot"],
    ["dotted", "i.d.i.o.t.", "idiot"],
    ["dashed", "s-c-u-m", "scum"],
    ["underscored", "m_o_r_o_n", "moron"],
    ["slashed and spaced", "i / d / i / o / t", "idiot"],
    ["zero-width space", "i\u200Bd\u200Bi\u200Bo\u200Bt", "idiot"],
    ["zero-width joiner", "mo\u200Dron", "moron"],
    ["soft hyphen and word joiner", "sc\u00ADu\u2060m", "scum"],
    ["Hangul filler inside", "id\u3164iot", "idiot"],
    ["repeated letters", "idiooot", "idiot"],
    ["many repeats", "mmmorrrooonnn", "moron"],
    ["repeats in a double letter", "asssss", "ass"],
    ["mix: Cyrillic, leet, repeats", "іd1ооооt", "idiot"],
    ["mix: spaced leet", "1 d 1 0 t", "idiot"],
    ["mix: dotted fullwidth with zero-width", "ｓ.\u200Bc.ｕ.m", "scum"],
    ["mix: Greek and dots", "m.ο.r.ο.n", "moron"],
    ["trailing punctuation", "Moron!!", "moron"],
    ["phrase with a disguised word", "fr33 m0ney", "free money"],
    ["suspect word in Cyrillic", "a lіar", "liar"],
    ["suspect word spaced", "f r a u d", "fraud"],
  ])("%s: %j → %s", (_label, text, expected) => {
    expect(findListedWord(text, LISTS)).toBe(expected);
  });
});

// Written for this test: the sort of thing readers post under local news. None may match.
const ORDINARY = [
  "The council voted 7-2 to raise parking fees by £1.50 from 1 April.",
  "I do it every morning at 7 a.m. before the ferry leaves.",
  "Mr. Smith said the U.S. firm will hire 1,000 people, e.g. engineers and drivers.",
  "The clinic is open 24/7 now, which is a relief for shift workers.",
  "Scunthorpe United drew 1-1 at home on Saturday.",
  "A classic performance from the bass player at the harbour festival.",
  "My therapist says the new bus timetable is bad for everyone's stress.",
  "Inspectors will assess the school's heating next week.",
  "Hello from Penzance; the weather here is glorious today.",
  "The shell of the old cinema still stands on Mill Lane.",
  "Michelle and Ashley run the bakery on the quay.",
  "Passengers were told to pass through gate 4 at 5.30 p.m.",
  "Prices at the pump rose 3p a litre in a week, i.e. 10% since March.",
  "Is it a scam? The 0800 number was on the leaflet.",
  "Good luck to the under-11s in the county cup final.",
  "The mayor's office said it would look into the flooding on Bridge St.",
  "Rain is due from 9 a.m. until 3 p.m., with gusts of 45 mph.",
  "I assume the embassy will comment on the visa delays.",
  "Her grandmother turned 101 on Tuesday: congratulations!",
  "The A-level results were the best in 10 years.",
  "It's a well-known fact that the ferry runs late in fog.",
  "Plans for 350 homes at Moor Farm go to the committee on 12/05.",
  "I, for one, think the new cycle lanes are a good idea.",
  "The match kicks off at 3pm; tickets are £12 for adults.",
  "Hull City fans travelled in numbers to the away game.",
  "Glass recycling moves to every other Thursday from June.",
  "Dr. O'Brien has been the village GP for 30 years.",
  "Our MP, Ms. Idowu, has asked the minister about the A30.",
  "The scaffolding on the cathedral comes down in May.",
  "Thanks to Moreno's Deli for feeding the volunteers.",
  "The harbourmaster said the 2 a.m. tide caught a few boats out.",
  "Vote Y-E-S on Thursday, say the campaigners for the new pool.",
  "Cheap bassoon lessons are on offer at the music centre.",
  "Idiomatic English is hard to teach, says the adult-education tutor.",
  "My friend is a pianist, not a specialist in anything else.",
  "The ambassador visited the 4th-year class at St. Mary's.",
  "Scumble glazing is the technique used on the restored mural.",
  "Moroni's statue was moved to the museum last spring.",
  "Fraudulent parking tickets were reported to Trading Standards.",
  "Reliable figures show a 15% fall in burglaries since 2024.",
  "The R.S.P.B. counted 200 curlews on the estuary at 6 a.m.",
  "Hellenic Ferries will add a Saturday crossing in July.",
  "I O U a pint, said the landlord to the quiz winners.",
  "Let's see: 3 4 5 7 are the numbers drawn at the village fete.",
  "Bypass works close the A39 at Hellsmouth (sic) for two nights.",
];

describe("ordinary comments", () => {
  it("has a corpus of at least 40 sentences", () => {
    expect(ORDINARY.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ORDINARY)("does not trip on %j", (sentence) => {
    expect(findListedWord(sentence, LISTS)).toBeNull();
  });

  it("publishes every one of them through the rules", () => {
    const settings: RuleSettings = {
      premoderation: "OFF",
      premoderateFirstN: 0,
      maxLinks: 2,
      suspectWords: SUSPECT,
      bannedWords: BANNED,
    };
    const reader: RuleAuthor = {
      role: "READER",
      premoderate: false,
      shadowBanned: false,
      publishedComments: 9,
    };
    for (const sentence of ORDINARY)
      expect([sentence, decide(reader, null, settings, sentence).status]).toEqual([sentence, "PUBLISHED"]);
  });
});

describe("what the folding does not do", () => {
  it.each([
    ["good", "god"],
    ["too", "to"],
    ["455 people", "ass"],
    ["a.m.", "am"],
    ["scumbag", "scum"],
    ["idiots", "idiot"],
  ])("%j does not match %j", (text, word) => {
    expect(findListedWord(text, word)).toBeNull();
  });

  it("still matches listed words written in other scripts", () => {
    expect(findListedWord("Это спам тут", "спам")).toBe("спам");
    expect(findListedWord("Это cпaм тут", "спам")).toBe("спам"); // Latin c, a inside
    expect(findListedWord("спамер", "спам")).toBeNull();
  });
});
