// Folding text to what a reader sees, so that look-alikes compare equal: the word lists use it to see
// through "іdіоt" (Cyrillic і and о), and display names to refuse "Mοderator" (Greek ο). A curated
// subset of Unicode TR39's confusables, limited to characters that pass for Latin letters: NFKD
// already maps fullwidth, mathematical, circled and superscript forms, and strips accents.

// Each pair: a look-alike, then the Latin letter it passes for. Capitals are mapped before
// lower-casing, since Greek Η (eta) looks like H while its lower case η looks like n.
const PAIRS =
  // Cyrillic
  "аaвbеeкkмmнhоoпnрpсcтtуyхxьbіiјjѕsһhԁdԛqԝwӏlүyАaВbЕeКkМmНhОoРpСcТtУyХxІiЈjЅsӀlҮyԚqԜw" +
  // Greek
  "αaβbγyεeηnιiκkμuνvοoρpσoτtυuχxωwϲcϳjΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxϹcͿj" +
  // Latin small capitals and letters NFKD leaves alone
  "ıiȷjɑaɡgɩiɪiʟlᴀaʙbᴄcᴅdᴇeɢgʜhᴊjᴋkᴍmɴnᴏoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzøođdħhłlŧtɨiƶz" +
  // Armenian
  "օoսuցgհhոn";

const CONFUSABLE = new Map<string, string>();
for (let i = 0; i < PAIRS.length; i += 2) CONFUSABLE.set(PAIRS[i], PAIRS[i + 1]);

/**
 * Characters that show nothing: format characters (zero-width space and joiners, bidi controls, soft
 * hyphen, tags), the Hangul fillers and the blank braille pattern. Removed, so "i\u200Bd" reads "id".
 */
export const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;

const LOOK_ALIKE = new RegExp(`[${[...CONFUSABLE.keys()].join("")}]`, "gu");

/** Compatibility-decomposed, marks and invisibles removed, look-alikes mapped to Latin, lower case. */
export function foldConfusables(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(INVISIBLE, "")
    .replace(LOOK_ALIKE, (c) => CONFUSABLE.get(c)!)
    .toLowerCase();
}
