// Generated, newspaper-shaped prose for the scale seeder: headlines, standfirsts and bodies built
// from word lists and sentence patterns with a seeded generator, so runs are repeatable and no real
// text is copied. It reads like news at a glance and gives search and listings realistic sizes.

/** mulberry32: small, fast, good enough for filler. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];

// prettier-ignore
const BODIES = ["the harbour board", "the city council", "residents of the east side", "the ferry operator", "university researchers", "the transit authority", "local shopkeepers", "the fire service", "a group of parents", "the water company", "festival organisers", "the planning committee", "hospital managers", "the school district", "fishing crews", "the port authority", "tenants' associations", "the library trust"];
// prettier-ignore
const VERBS = ["approved", "rejected", "delayed", "questioned", "welcomed", "announced", "reviewed", "funded", "paused", "expanded", "criticised", "defended", "unveiled", "postponed"];
// prettier-ignore
const THINGS = ["a plan to rebuild the old pier", "new cycle lanes on Wharf Street", "a rise in parking charges", "the night bus timetable", "a flood barrier for the lower town", "the closure of two branch libraries", "a survey of the kelp beds", "longer opening hours at the pool", "a study of summer heat", "repairs to the seawall", "a housing scheme on the cannery site", "free school meals for another year", "a tree-planting programme", "the winter shelter budget", "a new ferry route to Gull Island", "tighter rules on short-term lets"];
// prettier-ignore
const WHEN = ["on Monday", "on Tuesday night", "late on Wednesday", "on Thursday", "this week", "after a long meeting", "at the weekend", "earlier this month", "after months of talks", "following a public consultation"];
// prettier-ignore
const PEOPLE = ["a spokesperson", "the committee chair", "one resident", "a local teacher", "the deputy mayor", "a union representative", "the project manager", "a marine biologist", "a shop owner on Harbour Row", "a retired engineer"];
const SAID = ["said", "told the meeting", "argued", "warned", "pointed out", "added", "conceded", "insisted"];
// prettier-ignore
const CLAIMS = ["the money would be better spent elsewhere", "the work could not wait another winter", "nobody had asked the people most affected", "the figures would be published in full", "costs had risen sharply since the spring", "the plan had wide support", "a final decision was still weeks away", "lessons had been learned from last year", "the city had little choice", "the details would change before construction"];
const NUMBERS = ["two", "three", "five", "a dozen", "40", "120", "several hundred", "about 3,000"];
// prettier-ignore
const UNITS = ["households", "jobs", "crossings a day", "new homes", "trees", "volunteers", "parking spaces", "pupils"];
// prettier-ignore
const CONNECT = ["However,", "Meanwhile,", "Even so,", "In the meantime,", "For now,", "Separately,", "Under the proposal,", "By contrast,"];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function sentence(r: Rand): string {
  switch (Math.floor(r() * 5)) {
    case 0:
      return `${cap(pick(r, BODIES))} ${pick(r, VERBS)} ${pick(r, THINGS)} ${pick(r, WHEN)}.`;
    case 1:
      return `“${cap(pick(r, CLAIMS))},” ${pick(r, PEOPLE)} ${pick(r, SAID)}.`;
    case 2:
      return `${pick(r, CONNECT)} ${pick(r, BODIES)} said ${pick(r, CLAIMS)}.`;
    case 3:
      return `The change would affect ${pick(r, NUMBERS)} ${pick(r, UNITS)}, according to ${pick(r, BODIES)}.`;
    default:
      return `${cap(pick(r, PEOPLE))} ${pick(r, SAID)} that ${pick(r, CLAIMS)}, and that ${pick(r, BODIES)} had ${pick(r, VERBS)} ${pick(r, THINGS)}.`;
  }
}

export function headline(r: Rand): string {
  return cap(`${pick(r, BODIES)} ${pick(r, VERBS)} ${pick(r, THINGS)}`);
}

export function standfirst(r: Rand): string {
  return `${sentence(r)} ${sentence(r)}`;
}

/** Markdown: four to eight paragraphs of two to five sentences, with an occasional subheading. */
export function body(r: Rand): string {
  const paragraphs: string[] = [];
  const count = 4 + Math.floor(r() * 5);
  for (let i = 0; i < count; i++) {
    if (i === 3 && r() < 0.5) paragraphs.push(`## What happens next`);
    const sentences = Array.from({ length: 2 + Math.floor(r() * 4) }, () => sentence(r));
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

// prettier-ignore
export const SCALE_SECTIONS = ["City", "Climate", "Science", "Culture", "Business", "Sport", "Health", "Education"];
// prettier-ignore
export const TAG_WORDS = ["Harbour", "Transport", "Housing", "Schools", "Budget", "Ferries", "Parks", "Water", "Heat", "Storms", "Libraries", "Music", "Theatre", "Research", "Kelp", "Seals", "Cycling", "Buses", "Festivals", "Elections"];
// prettier-ignore
export const FIRST_NAMES = ["Ada", "Ben", "Carla", "Dev", "Elin", "Farid", "Greta", "Hugo", "Iris", "Jonas", "Kaia", "Luis", "Mina", "Nils", "Oona", "Per"];
// prettier-ignore
export const LAST_NAMES = ["Aalto", "Brennan", "Castell", "Dahl", "Ekberg", "Fontaine", "Gallo", "Holm", "Ivers", "Jansen"];
