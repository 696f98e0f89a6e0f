// Does a text cover the corpus's event? Scores a page (or a corpus article) against the event
// signature: the weighted share of the signature's names and key words it contains, checked for
// "where" (the event's place, not another venue), "who" (at least two of its people) and "when"
// (explicit dates near the event). Small and dependency-light: it runs in the content script on every page.
import type { EventSignature } from '../core/signature';
import type { CoverageVerdict } from '../core/report';
import type { GateModel } from '../core/signature';

export interface CoverageInput {
  title: string;
  url: string;
  /** h1–h3 texts, the description meta and the first few thousand characters of body text. */
  text: string;
}

interface Trie {
  n: Map<string, Trie>;
  v?: string;
}

const tries = new WeakMap<object, Trie>();

function trieOf(map: Record<string, string>): Trie {
  let t = tries.get(map);
  if (t) return t;
  t = { n: new Map() };
  for (const [surface, value] of Object.entries(map)) {
    let node = t;
    for (const w of surface.split(' ')) {
      let c = node.n.get(w);
      if (!c) node.n.set(w, (c = { n: new Map() }));
      node = c;
    }
    node.v ??= value;
  }
  tries.set(map, t);
  return t;
}

// Same conventions as lib/text/tokenize.ts ("U.S." → "usa"), kept minimal for the content script.
const WORD_RE = /(?:[A-Za-z]\.){2,}|[A-Za-z\u00c0-\u024f]+/g;

/** Lower-case words, with "U.S."/"US" → "usa" and possessive "'s" dropped. */
export function gateWords(text: string): string[] {
  const out: string[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const raw = m[0];
    if (raw === 'US' || raw === 'USA' || raw === 'U.S.' || raw === 'U.S') out.push('usa');
    else if (raw.includes('.')) out.push(raw.replace(/\./g, '').toLowerCase());
    else if (raw === 's' && out.length) continue;
    else out.push(raw.toLowerCase());
  }
  return out;
}

function scan(words: string[], trie: Trie, counts: Map<string, number>): void {
  for (let i = 0; i < words.length;) {
    let node: Trie | undefined = trie;
    let hit: string | undefined;
    let end = i + 1;
    for (let j = i; j < words.length; j++) {
      node = node.n.get(words[j]!);
      if (!node) break;
      if (node.v) {
        hit = node.v;
        end = j + 1;
      }
    }
    if (hit) {
      counts.set(hit, (counts.get(hit) ?? 0) + 1);
      i = end;
    } else i++;
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const DATE_RE = new RegExp(
  `\\b(?:(\\d{1,2})\\s+(${MONTH_NAMES})\\.?|(${MONTH_NAMES.replace('May|', '')})\\.?\\s+(\\d{1,2})(?!\\d))(?:,?\\s+(20\\d\\d))?|\\b(20\\d\\d)-(\\d\\d)-(\\d\\d)\\b`,
  'g',
);

/** Explicit calendar dates in the text as MM-DD (with year when written). */
export function explicitDates(text: string): { month: number; day: number; year: number | null }[] {
  const out: { month: number; day: number; year: number | null }[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    if (m[6]) {
      out.push({ month: Number(m[7]), day: Number(m[8]), year: Number(m[6]) });
      continue;
    }
    const name = (m[2] ?? m[3])!.toLowerCase();
    const month = MONTHS.findIndex((x) => x.startsWith(name.slice(0, 3))) + 1;
    const day = Number(m[1] ?? m[4]);
    if (day >= 1 && day <= 31) out.push({ month, day, year: m[5] ? Number(m[5]) : null });
  }
  return out;
}

function inWindow(d: { month: number; day: number; year: number | null }, window: { from: string; to: string }): boolean {
  const from = window.from.slice(5);
  const to = window.to.slice(5);
  const md = `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const yearOk = d.year === null || (d.year >= Number(window.from.slice(0, 4)) && d.year <= Number(window.to.slice(0, 4)));
  return yearOk && md >= from && md <= to;
}

/**
 * The gate's evidence about a text, as numbers a learned model weighs (GATE_FEATURES order), with the
 * parts the verdict's reason names. All read off the signature's surfaces in one scan.
 */
export interface CoverageEvidence {
  /** Weighted share of the signature found (halved when the text's dates are not the event's). */
  score: number;
  people: string[];
  places: string[];
  placeHits: number;
  otherTop: [string, number] | null;
  datesIn: boolean;
  datesOut: boolean;
  features: number[];
}

export const GATE_FEATURES = [
  'signature',
  'people',
  'leadPeople',
  'placeNamed',
  'cityNamed',
  'otherPlaceExcess',
  'otherPlaceNamed',
  'datesIn',
  'datesOutOnly',
  'bothSides',
  'otherPeople',
  'ledePlace',
  'ledeSides',
  'ledePeople',
  'ledeOtherPlace',
] as const;

// The lede: the title, the URL's words and the opening characters of the text (description, headings,
// first paragraph on a page). News puts what a story is about there; a passing mention comes later.
const LEDE_CHARS = 500;

// People must weigh this much in the signature to count as the event's protagonists.
const LEAD_WEIGHT = 1.5;

export function coverageEvidence(sig: EventSignature, input: CoverageInput): CoverageEvidence {
  const urlWords = input.url.replace(/^[a-z]+:\/\/[^/]*/i, ' ').replace(/[-_/.?=&]+/g, ' ');
  const words = gateWords(`${input.title}\n${urlWords}\n${input.text}`);
  const counts = new Map<string, number>();
  scan(words, trieOf(sig.surfaces), counts);
  const otherCounts = new Map<string, number>();
  scan(words, trieOf(sig.otherPlaceSurfaces), otherCounts);
  const others = sig.otherPeopleSurfaces ? new Map<string, number>() : null;
  if (others && sig.otherPeopleSurfaces) scan(words, trieOf(sig.otherPeopleSurfaces), others);

  let raw = 0;
  let max = 0;
  for (const [e, w] of Object.entries(sig.entities)) {
    max += w;
    if (counts.has(`@${e}`)) raw += w;
  }
  for (const [s, w] of Object.entries(sig.words)) {
    max += w;
    if (counts.has(s)) raw += w;
  }
  let score = max > 0 ? raw / max : 0;

  const people = sig.people.filter((p) => counts.has(`@${p}`));
  const lead = people.filter((p) => (sig.entities[p] ?? 0) >= LEAD_WEIGHT).length;
  const places = sig.places.filter((p) => counts.has(`@${p}`));
  const placeHits = sig.places.reduce((n, p) => n + (counts.get(`@${p}`) ?? 0), 0);
  const city = places.some((p) => sig.venues?.includes(p));
  let otherTop: [string, number] | null = null;
  for (const [p, n] of otherCounts) if (!otherTop || n > otherTop[1]) otherTop = [p, n];
  const dates = explicitDates(input.text.slice(0, 4000));
  const datesIn = dates.some((d) => inWindow(d, sig.window));
  const datesOut = dates.length > 0 && !datesIn;
  if (datesOut) score *= 0.5;
  score = Math.round(score * 1000) / 1000;
  const sides = (sig.sides ?? []).filter((c) => counts.has(`@${c}`)).length;
  const ledeWords = gateWords(`${input.title}\n${urlWords}\n${input.text.slice(0, LEDE_CHARS)}`);
  const lede = new Map<string, number>();
  scan(ledeWords, trieOf(sig.surfaces), lede);
  const ledeOther = new Map<string, number>();
  scan(ledeWords, trieOf(sig.otherPlaceSurfaces), ledeOther);
  const ledePeople = sig.people.filter((p) => lede.has(`@${p}`)).length;
  const features = [
    score,
    Math.min(people.length, 5) / 5,
    Math.min(lead, 3) / 3,
    placeHits > 0 ? 1 : 0,
    city ? 1 : 0,
    Math.min(Math.max(0, (otherTop?.[1] ?? 0) - placeHits), 3) / 3,
    otherTop ? 1 : 0,
    datesIn ? 1 : 0,
    datesOut ? 1 : 0,
    sides >= 2 ? 1 : 0,
    Math.min(others?.size ?? 0, 3) / 3,
    sig.places.some((p) => lede.has(`@${p}`)) ? 1 : 0,
    (sig.sides ?? []).filter((c) => lede.has(`@${c}`)).length >= 2 ? 1 : 0,
    Math.min(ledePeople, 3) / 3,
    ledeOther.size > 0 ? 1 : 0,
  ];
  return { score, people, places, placeHits, otherTop, datesIn, datesOut, features };
}

/** Probability that the text covers the event, by the signature's gate model. */
export function gateProbability(model: GateModel, features: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] ?? 0) * features[i]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Scores a text against the signature and explains the verdict in one line. With a gate model in the
 * signature (the shipped one), the model decides from the evidence; without one (while the corpus
 * decides its own topics), the explicit rules do: the place named, two of the event's people, the
 * signature share above its threshold.
 */
export function scoreCoverage(sig: EventSignature, input: CoverageInput): CoverageVerdict {
  const ev = coverageEvidence(sig, input);
  const { score, people, placeHits, otherTop } = ev;
  const reasons: string[] = [];
  if (placeHits === 0) reasons.push('the event’s place is not named');
  else if (otherTop && otherTop[1] > placeHits) reasons.push(`mostly about another venue (${otherTop[0]})`);
  if (people.length < 2) reasons.push(people.length ? `names only ${people.join(', ')}` : 'names none of the event’s people');
  if (ev.datesOut) reasons.push('its dates are not the event’s');
  if (score < sig.threshold) reasons.push(`signature match ${Math.round(score * 100)}% is below ${Math.round(sig.threshold * 100)}%`);
  let ok: boolean;
  if (sig.gate) {
    const p = gateProbability(sig.gate, ev.features);
    ok = p >= 0.5;
    if (!ok && !reasons.length) reasons.push(`reads like another event (${Math.round(p * 100)}% likely this one)`);
  } else {
    ok = placeHits > 0 && !(otherTop && otherTop[1] > placeHits) && people.length >= 2 && score >= sig.threshold;
  }
  if (ok) {
    const who = people.length ? `names ${people.join(', ')}` : 'names the talks';
    const where = ev.places.length ? ` in ${ev.places.join(', ')}` : '';
    return { isCoverage: true, score, reason: `${who}${where}; ${Math.round(score * 100)}% of the event signature` };
  }
  return { isCoverage: false, score, reason: reasons.join('; ') };
}
