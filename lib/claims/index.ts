// Claim frames: the checkable propositions news about a diplomatic meeting keeps making — that the
// two sides met, who led each side, who was (not) there, how long the meeting lasted, whether a
// summit date is set, where sanctions stood, what was agreed, how participants judged the talks, when
// progress is expected, who fears being left out, who says nobody is, who rejects deals made without it.
// Each frame is read off one sentence by small patterns over its tokens and entities, so two texts
// can be compared claim by claim: the same frame with the same value corroborates, with an opposite
// value it conflicts ("Belousov led the Russian side" vs "a Russian delegation led by Lavrov").
// Pure and deterministic; the frames are the event schema, the values always come from the text.
import type { Analysis } from '../text/analyze';
import { ENTITY_BY_ID, ROLE_HOLDERS } from '../text/aliases';
import type { Claim, ClaimBody, ClaimLink } from './types';
import { context, countryOf } from './reading';
import {
  NOT_AT_TABLE_ROLES,
  agreements,
  backChannel,
  counts,
  venue,
  exclusionConcern,
  firstSinceInvasion,
  leaders,
  meetingLength,
  met,
  noOneSidelined,
  presence,
  rejectsDeals,
  sanctions,
  summitDate,
  summitWhen,
  territory,
  timeline,
  verdicts,
} from './frames';

export type { AgreementTopic, Claim, ClaimBody, ClaimLink, SanctionsStatus } from './types';

const cache = new WeakMap<Analysis, { speaker: string | null; claims: Claim[] }>();

/** The claims one sentence makes. `speaker` is who the sentence reports (for verdicts and forecasts). */
export function extractClaims(a: Analysis, speaker: string | null = null): Claim[] {
  const hit = cache.get(a);
  if (hit && hit.speaker === speaker) return hit.claims;
  const c = context(a);
  const out: Claim[] = [];
  leaders(c, out);
  presence(c, out);
  // Whoever led a side was there.
  for (const l of out.filter((x): x is Claim & { kind: 'leader' } => x.kind === 'leader')) {
    if (!out.some((x) => x.kind === 'presence' && x.who === l.person))
      out.push({ kind: 'presence', who: l.person, present: true, anchor: l.anchor });
  }
  meetingLength(c, out);
  summitDate(c, out);
  sanctions(c, out);
  agreements(c, out);
  verdicts(c, speaker, out);
  timeline(c, speaker, out);
  met(c, out);
  exclusionConcern(c, out);
  noOneSidelined(c, speaker, out);
  rejectsDeals(c, out);
  summitWhen(c, speaker, out);
  firstSinceInvasion(c, out);
  territory(c, speaker, out);
  backChannel(c, out);
  counts(c, out);
  venue(c, out);
  cache.set(a, { speaker, claims: out });
  return out;
}

// A paragraph that rates a quoted claim ("Our rating: False") or calls something unconfirmed.
const RATED = /\b(?:false|untrue|misleading|no evidence|not true|debunked|unfounded|baseless|fabricated)\b/i;
const UNCONFIRMED =
  /\b(?:unconfirmed|unverified|(?:nobody|no one)\b[^.]{0,30}\bconfirmed|not (?:been )?confirmed|(?:not able|unable|could not) (?:to )?(?:be )?verif)/i;
const QUOTED_CLAIM = /^\s*(?:claim\b[^:]*:\s*)?[\u201c"]/i;

/**
 * Sentences of a paragraph that make no claim of their own: the quoted claim a fact-check rates
 * ("Claim 3: “Washington agreed to lift sanctions.” Our rating: No evidence."), and a rumour the
 * paragraph says nobody confirmed (that sentence and the one before it).
 */
function unreportedSentences(sentences: readonly Analysis[], whole: Analysis): Set<number> {
  const out = new Set<number>();
  if (RATED.test(whole.text))
    sentences.forEach((a, i) => {
      if (QUOTED_CLAIM.test(a.text)) out.add(i);
    });
  sentences.forEach((a, i) => {
    if (UNCONFIRMED.test(a.text)) {
      out.add(i);
      if (i > 0) out.add(i - 1);
    }
  });
  return out;
}

/** Cheap test before the summit frame is read on a whole paragraph. */
function mayNameSummit(a: Analysis): boolean {
  return (
    a.words.includes('summit') ||
    (a.entities.includes('trump') && a.entities.includes('putin')) ||
    a.words.includes('presidents') ||
    a.words.includes('leaders')
  );
}

/**
 * The claims of a paragraph's sentences, each with the sentence it was read from. A summit date may
 * be set across two sentences ("Pencil in 2 April. Trump and Putin are due to meet that day."), so
 * the summit frames, the meeting and a worry about exclusion are also read on the paragraph as a whole
 * when no sentence has them.
 */
export function paragraphClaims(
  sentences: readonly Analysis[],
  speakers: readonly (string | null)[],
  whole: Analysis,
): { claims: Claim[]; sentence: number[] } {
  const claims: Claim[] = [];
  const sentence: number[] = [];
  const skip = unreportedSentences(sentences, whole);
  sentences.forEach((a, i) => {
    if (!skip.has(i))
      for (const c of extractClaims(a, speakers[i] ?? null)) {
        claims.push(c);
        sentence.push(i);
      }
  });
  const multi = sentences.length > 1;
  const summit = multi && mayNameSummit(whole);
  const missing = [
    summit && !claims.some((c) => c.kind === 'summit-date'),
    summit && !claims.some((c) => c.kind === 'summit-when'),
    multi && skip.size === 0 && !claims.some((c) => c.kind === 'met'),
    multi && skip.size === 0 && !claims.some((c) => c.kind === 'exclusion-concern'),
  ];
  if (missing.some(Boolean)) {
    const out: Claim[] = [];
    const ctx = context(whole);
    if (missing[0]) summitDate(ctx, out);
    if (missing[1]) summitWhen(ctx, speakers[0] ?? null, out);
    // The meeting and a worry about exclusion may also be told over two sentences
    // ("… had the two faced one another across a table. On Tuesday, at Diriyah, they finally did.").
    if (missing[2]) met(ctx, out);
    if (missing[3]) exclusionConcern(ctx, out);
    for (const c of out) {
      claims.push(c);
      const at = sentences.findIndex((a) => a.words.includes(c.anchor.split(' ').at(-1)!));
      sentence.push(Math.max(0, at));
    }
  }
  return { claims, sentence };
}

/** The distinct claim keys of a text, stored with each statement so retrieval can find it by claim. */
export function claimKeys(a: Analysis, speaker: string | null = null): string[] {
  return [...new Set(extractClaims(a, speaker).map(claimKey))];
}

/** The key two claims must share to be about the same thing (same frame and slot). */
export function claimKey(c: ClaimBody): string {
  switch (c.kind) {
    case 'leader':
      return `leader:${c.side}`;
    case 'presence':
      return `presence:${c.who}`;
    case 'agreement':
      return `agreement:${c.topic}`;
    case 'exclusion-concern':
      return `exclusion-concern:${c.who}`;
    case 'rejects-deals':
      return `rejects-deals:${c.who}`;
    case 'back-channel':
      return `back-channel:${c.who}`;
    case 'count':
      return `count:${c.what}`;
    case 'summit-when':
      return 'summit-when';
    default:
      return c.kind;
  }
}

const overlap = (x: [number, number], y: [number, number]) => x[0] <= y[1] * 1.25 && y[0] <= x[1] * 1.25;
const COUNTRY_OF_BOTH = new Set(['us', 'russia']);

function sameSpeaker(x: string | null, y: string | null): boolean {
  if (!x || !y) return false;
  if (x === y) return true;
  const atTable = (id: string) =>
    COUNTRY_OF_BOTH.has(countryOf(id) ?? '') &&
    !Object.entries(ROLE_HOLDERS).some(([k, v]) => v === id && NOT_AT_TABLE_ROLES.has(k.split('|')[0]!));
  if (x === 'both') return atTable(y) || y.startsWith('side:');
  if (y === 'both') return atTable(x) || x.startsWith('side:');
  if (x.startsWith('side:')) return atTable(y) && countryOf(y) === x.slice(5);
  if (y.startsWith('side:')) return atTable(x) && countryOf(x) === y.slice(5);
  return false;
}

/** Agreement or clash of two claims about the same thing; null when they are about different things. */
export function relate(p: Claim, s: Claim): 'agree' | 'clash' | null {
  if (claimKey(p) !== claimKey(s)) return null;
  switch (p.kind) {
    case 'leader':
      return p.person === (s as typeof p).person ? 'agree' : 'clash';
    case 'presence':
      return p.present === (s as typeof p).present ? 'agree' : 'clash';
    case 'length': {
      const r = p.hours / (s as typeof p).hours;
      return r > 0.8 && r < 1.25 ? 'agree' : 'clash';
    }
    case 'summit-date':
      return p.set === (s as typeof p).set ? 'agree' : 'clash';
    case 'sanctions': {
      const t = (s as typeof p).status;
      if (p.status === t) return 'agree';
      return p.status === 'off-agenda' || t === 'off-agenda' ? 'clash' : null;
    }
    case 'agreement':
      return p.agreed === (s as typeof p).agreed ? 'agree' : 'clash';
    case 'verdict': {
      const o = s as typeof p;
      if (!sameSpeaker(p.by, o.by)) return null;
      return p.positive === o.positive ? 'agree' : 'clash';
    }
    case 'timeline': {
      const o = s as typeof p;
      if (!sameSpeaker(p.by, o.by)) return null;
      return overlap(p.days, o.days) ? 'agree' : 'clash';
    }
    case 'no-one-sidelined': {
      const o = s as typeof p;
      return !p.by || !o.by || p.by === o.by ? 'agree' : null;
    }
    case 'summit-when': {
      // The same forecaster: the same horizon must have the same likelihood; two different horizons
      // both called likely clash ("within weeks" vs "many months away"); "unlikely next week" and
      // "likely within weeks" can both stand.
      const o = s as typeof p;
      if (!p.by || p.by !== o.by) return null;
      if (p.when === o.when) return p.likely === o.likely ? 'agree' : 'clash';
      return p.likely && o.likely ? 'clash' : null;
    }
    case 'territory': {
      const o = s as typeof p;
      if (!p.by || p.by !== o.by) return null;
      return p.open === o.open ? 'agree' : 'clash';
    }
    case 'count': {
      const r = p.value / (s as typeof p).value;
      return r > 0.8 && r < 1.25 ? 'agree' : 'clash';
    }
    case 'venue':
      return p.place === (s as typeof p).place ? 'agree' : 'clash';
    case 'met':
    case 'exclusion-concern':
    case 'rejects-deals':
    case 'first-since-invasion':
    case 'back-channel':
      return 'agree';
  }
}

/**
 * Links between the claims of a page paragraph and those of a statement. Leader claims of other
 * people than a side's leader on the other side are a clash only when neither text names the other's
 * leader as leader too.
 */
export function linkClaims(page: readonly Claim[], statement: readonly Claim[]): ClaimLink[] {
  const out: ClaimLink[] = [];
  for (const p of page) {
    for (const s of statement) {
      const r = relate(p, s);
      if (!r) continue;
      if (r === 'clash' && p.kind === 'leader' && page.some((x) => x.kind === 'leader' && x.person === (s as typeof p).person)) continue;
      out.push({ relation: r, page: p, statement: s });
    }
  }
  return out;
}

function who(id: string): string {
  return ENTITY_BY_ID.get(id)?.label ?? id;
}

const SIDE: Record<string, string> = { us: 'US', russia: 'Russian' };

// Frames from most to least specific, for choosing which link to show a reader.
const SPECIFICITY: ClaimBody['kind'][] = [
  'leader',
  'venue',
  'count',
  'length',
  'summit-date',
  'summit-when',
  'sanctions',
  'timeline',
  'territory',
  'agreement',
  'verdict',
  'rejects-deals',
  'no-one-sidelined',
  'back-channel',
  'presence',
  'exclusion-concern',
  'first-since-invasion',
  'met',
];

/** The most specific link of a relation ("Rubio led the US side" before "Rubio took part"). */
export function bestLink(links: readonly ClaimLink[], relation: ClaimLink['relation']): ClaimLink | undefined {
  let best: ClaimLink | undefined;
  for (const l of links) {
    if (l.relation !== relation) continue;
    if (!best || SPECIFICITY.indexOf(l.page.kind) < SPECIFICITY.indexOf(best.page.kind)) best = l;
  }
  return best;
}

/** What a claim says, in a few words ("Lavrov led the Russian side"). */
export function describeClaim(c: Claim): string {
  switch (c.kind) {
    case 'leader':
      return `${who(c.person)} led the ${SIDE[c.side] ?? c.side} side`;
    case 'presence':
      return `${who(c.who)} ${c.present ? 'took part' : 'was not there'}`;
    case 'length':
      return `the meeting lasted ${c.text}`;
    case 'summit-date':
      return c.set ? 'a summit date is set' : 'no summit date is set';
    case 'sanctions':
      return c.status === 'off-agenda'
        ? 'sanctions relief was not on the agenda'
        : c.status === 'agreed'
          ? 'sanctions relief was agreed'
          : 'sanctions relief was discussed';
    case 'agreement':
      return `${c.agreed ? 'agreed' : 'no agreement'} on ${c.topic === 'embassies' ? 'restoring embassies' : c.topic === 'ukraine-talks' ? 'teams for Ukraine talks' : 'economic cooperation'}`;
    case 'verdict':
      return `${c.by === 'both' ? 'both sides called' : c.by ? `${who(c.by)} called` : 'called'} the talks ${c.word}`;
    case 'timeline':
      return `progress ${c.text}`;
    case 'met':
      return `the two sides met in ${who(c.place)}`;
    case 'exclusion-concern':
      return `${who(c.who)} is worried about being left out`;
    case 'no-one-sidelined':
      return `${c.by ? who(c.by) : 'officials'}: no one is being sidelined`;
    case 'rejects-deals':
      return `${who(c.who)} rejects any deal made without it`;
    case 'first-since-invasion':
      return 'the first such talks since the invasion';
    case 'back-channel':
      return `${who(c.who)} has been a back channel between the capitals`;
    case 'count':
      return `${c.text}`;
    case 'venue':
      return `the talks were held at ${c.place === 'diriyah' ? 'Diriyah Palace' : c.place}`;
    case 'territory':
      return `${c.by ? `${who(c.by)}: ` : ''}territorial concessions ${c.open ? 'are possible' : 'are ruled out'}`;
    case 'summit-when':
      return `${c.by ? `${who(c.by)}: ` : ''}a summit ${c.when === 'next-week' ? 'next week' : c.when === 'weeks' ? 'within weeks' : 'within months'} is ${c.likely ? 'likely' : 'unlikely'}`;
  }
}
