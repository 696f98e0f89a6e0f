// The frames, one reader each: patterns over a sentence's tokens and entities that return the claims
// it makes about leaders, presence, length, the summit, sanctions, agreements, verdicts, forecasts,
// territory, back channels, the meeting itself, exclusion and Kyiv's stance on deals.
import { ENTITY_BY_ID } from '../text/aliases';
import type { Figure } from '../core/corpus';
import type { AgreementTopic, Claim } from './types';
import { type Ctx, NEG, countryOf, hypotheticalAt, negatedAt, peopleIn, presenceSubject, subjectNear, typeOf } from './reading';

const GROUP_NOUNS = new Set([
  'delegation',
  'delegations',
  'team',
  'teams',
  'side',
  'talks',
  'meeting',
  'discussions',
  'negotiators',
  'contingent',
  'lineup',
  'party',
]);
const LEAD_VERBS = new Set([
  'led',
  'headed',
  'chaired',
  'lead',
  'leads',
  'heads',
  'leading',
  'heading',
  'captained',
  'fronted',
  'helmed',
  'spearheaded',
]);
// Country words after "led for" ("Lavrov led for Moscow").
const SIDE_WORDS = new Set(['us', 'russia']);

const TITLES = new Set([
  'deputy',
  'minister',
  'secretary',
  'ambassador',
  'general',
  'vice',
  'president',
  'prime',
  'mr',
  'ms',
  'mrs',
  'dr',
  'envoy',
  'special',
  'adviser',
  'advisor',
  'senator',
  'governor',
  'admiral',
  'foreign',
  'defence',
  'defense',
  'state',
  'national',
  'security',
  'former',
  'the',
]);

/**
 * A capitalised name in [from, to) that the alias table does not know ("Deputy Foreign Minister
 * Sergei Ryabkov" → "Sergei Ryabkov"): two or more capitalised tokens that are no entity and no title.
 */
function unknownNameIn(c: Ctx, from: number, to: number): string | null {
  let run: string[] = [];
  for (let k = Math.max(0, from); k < Math.min(to, c.w.length); k++) {
    const capital = /^[A-Z\u00c0-\u00de][a-z\u00df-\u024f]/.test(c.raw[k] ?? '');
    if (capital && !c.entityAt[k] && !TITLES.has(c.w[k]!) && !(run.length && c.commaBefore[k])) {
      run.push(c.raw[k]!.replace(/['\u2019]s$/, ''));
      continue;
    }
    if (run.length >= 2) return run.join(' ');
    run = [];
    if (c.entityAt[k] && typeOf(c.entityAt[k]!) === 'person') return null;
  }
  return run.length >= 2 ? run.join(' ') : null;
}

/** The side (us or russia) a clause around token i speaks of: the nearest country named. */
function sideNear(c: Ctx, i: number, span = 10): string | null {
  for (let d = 1; d <= span; d++) {
    for (const k of [i - d, i + d]) {
      const id = c.entityAt[k] ?? null;
      if (id === 'us' || id === 'russia') return id;
    }
  }
  return null;
}

export function leaders(c: Ctx, out: Claim[]): void {
  const { w } = c;
  const add = (person: string, anchor: string, at = -1) => {
    // A known person leads their own country's side; a name the alias table lacks, the side named nearby.
    const side = ENTITY_BY_ID.has(person) ? countryOf(person) : sideNear(c, at);
    if (side === 'us' || side === 'russia') {
      if (!out.some((x) => x.kind === 'leader' && x.person === person)) out.push({ kind: 'leader', side, person, anchor });
    }
  };
  const personAfter = (from: number, to: number) => peopleIn(c, from, to)[0] ?? unknownNameIn(c, from, to);
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    if (x === 'leadership' && w[i + 1] === 'of') {
      const known = peopleIn(c, i + 2, i + 16);
      for (const p of known) add(p, x);
      const other = known.length ? null : unknownNameIn(c, i + 2, i + 10);
      if (other) add(other, x, i);
      continue;
    }
    // "At the helm of the Russian team was Sergei Shoigu"
    if (
      (x === 'helm' || x === 'head') &&
      w[i + 1] === 'of' &&
      w.slice(i + 2, i + 6).some((y) => GROUP_NOUNS.has(y)) &&
      !(x === 'head' && w[i - 2] === 'at')
    ) {
      const be = w.findIndex((y, k) => k > i && (y === 'was' || y === 'were' || y === 'is' || y === 'stood' || y === 'sat'));
      if (be > 0 && be < i + 8 && !negatedAt(c, be + 1, 3)) {
        const p = personAfter(be + 1, be + 8);
        if (p) add(p, x, i);
      }
      continue;
    }
    // "Rubio was in charge for the United States", "Lavrov at the head of its team", "Rubio in charge"
    if ((x === 'charge' && w[i - 1] === 'in') || (x === 'head' && w[i - 1] === 'the' && w[i - 2] === 'at')) {
      const back = x === 'charge' ? 1 : 2;
      for (let k = i - back - 1; k >= Math.max(0, i - back - 4); k--) {
        const id = c.entityAt[k];
        if (id && typeOf(id) === 'person' && !c.possessive[k]) {
          if (!negatedAt(c, i, 4)) add(id, x === 'charge' ? 'in charge' : 'at the head');
          break;
        }
      }
      continue;
    }
    // "The leader of the American group was Secretary of State Marco Rubio"
    if ((x === 'leader' || x === 'chief') && w[i + 1] === 'of' && w.slice(i + 2, i + 6).some((y) => GROUP_NOUNS.has(y) || y === 'group')) {
      const be = w.findIndex((y, k) => k > i && (y === 'was' || y === 'is'));
      if (be > 0 && be < i + 8 && !negatedAt(c, be + 1, 3)) {
        const p = personAfter(be + 1, be + 8);
        if (p) add(p, x, i);
      }
      continue;
    }
    // "Russia's side of the table was under the direction of … Sergei Ryabkov"
    if ((x === 'direction' || x === 'command' || x === 'stewardship') && w[i + 1] === 'of' && w[i - 1] === 'the' && w[i - 2] === 'under') {
      const p = personAfter(i + 2, i + 10);
      if (p) add(p, x, i);
      continue;
    }
    if (!LEAD_VERBS.has(x)) continue;
    // "chaired not by Sergei Lavrov but by Nikolai Patrushev": the leader is the one after "but by".
    if (w[i + 1] === 'not' && w[i + 2] === 'by') {
      const but = w.findIndex((y, k) => k > i + 2 && k < i + 14 && y === 'but' && w[k + 1] === 'by');
      const p = but > 0 ? personAfter(but + 2, but + 10) : null;
      if (p) add(p, x, i);
      continue;
    }
    const up = w[i + 1] === 'up' ? 1 : 0;
    if (w[i + 1 + up] === 'by') {
      // "a delegation led by (Foreign Minister) Sergey Lavrov"
      const nearGroup = w.slice(Math.max(0, i - 5), i).some((y) => GROUP_NOUNS.has(y));
      const p = personAfter(i + 2 + up, i + 10 + up);
      if (nearGroup && p) add(p, x, i);
      continue;
    }
    // "Vice President JD Vance headed (up) the American delegation", "Lavrov, who led the talks", "Lavrov led for Moscow"
    const object =
      w.slice(i + 1 + up, i + 5 + up).some((y) => GROUP_NOUNS.has(y)) || (w[i + 1] === 'for' && SIDE_WORDS.has(c.entityAt[i + 2] ?? ''));
    if (!object) continue;
    let k = i - 1;
    while (k >= 0 && ['who', 'has', 'had', 'also', 'reportedly', 'personally', 'will', 'would'].includes(w[k]!)) k--;
    if (negatedAt(c, i, 3)) continue;
    // "Keith Kellogg, the president's special envoy, headed up the American contingent": the sentence
    // opens with the subject and an apposition separates it from the verb.
    if (k >= 0 && !(c.entityAt[k] && typeOf(c.entityAt[k]!) === 'person') && c.commaBefore[k + 1]) {
      const first = c.a.mentions.find((m) => typeOf(m.id) === 'person');
      if (first && first.start <= 3 && first.end < i && c.commaBefore[first.end]) k = first.end - 1;
    }
    // A subject the alias table does not know ("Treasury Secretary Scott Bessent captained the U.S. team").
    if (k >= 0 && !(c.entityAt[k] && typeOf(c.entityAt[k]!) === 'person')) {
      const name = unknownNameIn(c, Math.max(0, k - 5), k + 1);
      if (name && /^[A-Z]/.test(c.raw[k] ?? '')) add(name, x, i);
      continue;
    }
    // The subject, with people joined to it by "and" ("Lavrov and Ushakov led the talks").
    while (k >= 0) {
      const id = c.entityAt[k];
      if (!id || typeOf(id) !== 'person') break;
      add(id, x);
      while (k >= 0 && c.entityAt[k] === id) k--;
      if (w[k] !== 'and') break;
      k--;
    }
  }
}

const PRESENT_WORDS = new Set([
  'attended',
  'attend',
  'attending',
  'attends',
  'participated',
  'participate',
  'participating',
  'joined',
  'join',
  'joins',
  'present',
  'invited',
  'invitation',
  'represented',
]);
const ABSENT_WORDS = new Set(['absent', 'absence', 'uninvited', 'exclusion', 'excluded']);
// Words that list the people at the table after them: "flanked by A and B", "Facing them were A and B", "With him were A".
const FLANK = new Set(['flanked', 'facing', 'alongside', 'joined', 'joining']);
const MODAL = new Set(['should', 'must', 'could', 'might', 'may', 'would', 'will', 'to', 'can', 'shall']);
const FEAR = new Set([
  'fear',
  'fears',
  'feared',
  'fearful',
  'fearing',
  'worry',
  'worries',
  'worried',
  'concern',
  'concerns',
  'concerned',
  'warn',
  'warned',
  'warns',
]);
const LIST_WORDS = new Set(['accompanied', 'seated', 'sat', 'included', 'includes', 'including']);

export function presence(c: Ctx, out: Claim[]): void {
  const { w } = c;
  const add = (who: string, present: boolean, anchor: string) => {
    if (!out.some((x) => x.kind === 'presence' && x.who === who)) out.push({ kind: 'presence', who, present, anchor });
  };
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    // "attended by A, B and C", "represented by …", "Also present was …", "accompanied by …", "seated across from …"
    if (
      (['attended', 'represented', 'accompanied'].includes(x) && w[i + 1] === 'by') ||
      (x === 'present' && (w[i + 1] === 'was' || w[i + 1] === 'were'))
    ) {
      for (const p of peopleIn(c, i + 2, i + 30)) {
        const s = presenceSubject(p);
        if (s) add(s, true, x);
      }
      if (x === 'accompanied')
        for (const p of peopleIn(c, i - 6, i)) {
          const s = presenceSubject(p);
          if (s) add(s, true, x);
        }
      continue;
    }
    // "Lavrov, who brought along Yuri Ushakov and Kirill Dmitriev"
    if (
      (x === 'brought' || x === 'bringing' || x === 'brings') &&
      (w[i + 1] === 'along' || w[i + 1] === 'with') &&
      c.has('delegation', 'team', 'side', 'talks', 'meeting', 'table', 'party')
    ) {
      for (const p of peopleIn(c, i + 2, i + 20)) {
        const s = presenceSubject(p);
        if (s) add(s, true, x);
      }
      continue;
    }
    if (
      (FLANK.has(x) && (w[i + 1] === 'by' || w[i + 1] === 'them' || w[i + 1] === 'him')) ||
      (x === 'with' && (w[i + 1] === 'him' || w[i + 1] === 'them') && w.slice(i + 2, i + 7).some((y) => y === 'were' || y === 'was'))
    ) {
      for (const p of peopleIn(c, i + 1, i + 20)) {
        const s = presenceSubject(p);
        if (s) add(s, true, x);
      }
      continue;
    }
    if (x === 'trip' && ['make', 'made', 'making', 'makes'].includes(w[i - 2] ?? '') && w[i - 1] === 'the') {
      // "Lavrov did not make the trip"
      const who = subjectNear(c, i - 2, 'before', 12);
      if (who) add(who, !negatedAt(c, i - 2, 4), negatedAt(c, i - 2, 4) ? 'did not make the trip' : 'made the trip');
      continue;
    }
    if (x === 'sat' && w[i + 1] === 'in') {
      // "Kyiv's deputy foreign minister sat in on the talks"
      const who = subjectNear(c, i, 'before', 8);
      if (who) add(who, !negatedAt(c, i, 4), 'sat in');
      continue;
    }
    if (LIST_WORDS.has(x)) {
      // Lists of people at the table; topic lists ("including the restoration…") name nobody.
      if (!c.has('delegation', 'delegations', 'meeting', 'talks', 'table')) continue;
      if (x.startsWith('includ') && !w.slice(Math.max(0, i - 6), i).some((y) => y === 'delegation' || y === 'team' || y === 'delegations'))
        continue;
      const span = x === 'seated' || x === 'sat' ? peopleIn(c, 0, w.length) : peopleIn(c, i + 1, i + 20);
      for (const p of span) {
        const s = presenceSubject(p);
        if (s) add(s, true, x);
      }
      continue;
    }
    let anchor = x;
    let present: boolean | null = null;
    let dir: 'before' | 'after' | 'both' = 'before';
    if (x === 'took' || x === 'take' || x === 'taking' || x === 'takes') {
      if (w[i + 1] !== 'part') continue;
      anchor = 'took part';
      present = true;
    } else if (
      x === 'part' &&
      w[i + 1] === 'of' &&
      ((['was', 'were', 'is', 'are', 'be', 'been', 'not'].includes(w[i - 1] ?? '') &&
        w
          .slice(i + 2, i + 5)
          .some((y) => ['talks', 'discussions', 'meeting', 'negotiations', 'delegation', 'session', 'team', 'party'].includes(y))) ||
        (w[i - 1] === 'as' && w.slice(i + 2, i + 5).some((y) => y === 'delegation' || y === 'team' || y === 'party')))
    ) {
      present = true;
    } else if (
      (x === 'party' || x === 'delegation' || x === 'team') &&
      w[i - 1] !== 'negotiating' &&
      w.slice(Math.max(0, i - 4), i).includes('in') &&
      ['was', 'were'].includes(w[w.slice(0, i).lastIndexOf('in') - 1] ?? '')
    ) {
      // "Kirill Dmitriev, who was in the Russian party"
      present = true;
    } else if (x === 'left' && w[i + 1] === 'out') {
      anchor = 'left out';
      present = false;
    } else if (
      (x === 'room' || x === 'table' || ((x === 'palace' || x === 'hall') && w[i - 2] === 'inside')) &&
      (w[i - 2] === 'in' || w[i - 2] === 'at' || w[i - 2] === 'inside') &&
      w[i - 1] === 'the'
    ) {
      // "no Ukrainian officials in the room", "Kyiv had nobody at the table": negation counts from "in"/"at".
      const neg = negatedAt(c, i - 2, 5);
      const who = subjectNear(c, i - 2, 'before', 12);
      if (who && !hypotheticalAt(c, i)) add(who, !neg, `${neg ? 'not ' : ''}${w[i - 2]} the ${x}`);
      continue;
    } else if (
      (x === 'stayed' || x === 'stay' || x === 'stays' || x === 'remained') &&
      w[i + 1] === 'in' &&
      c.entityAt[i + 2] &&
      !VENUE.has(c.entityAt[i + 2]!) &&
      ['place', 'country'].includes(typeOf(c.entityAt[i + 2]!) ?? '')
    ) {
      // "Waltz stayed in Washington": somewhere other than the venue.
      anchor = `${x} in`;
      present = false;
    } else if (
      (x === 'travel' || x === 'travelled' || x === 'traveled' || x === 'fly' || x === 'flew') &&
      w
        .slice(i + 1, i + 4)
        .some(
          (y) => ['delegation', 'riyadh', 'talks', 'saudi'].includes(y) || c.entityAt[i + 2] === 'riyadh' || c.entityAt[i + 2] === 'saudi',
        )
    ) {
      // "Dmitriev did not travel with the delegation"
      present = true;
    } else if (x === 'followed' && w.slice(i + 1, i + 4).some((y) => TALK.includes(y)) && w.slice(i + 2, i + 7).includes('from')) {
      // "followed the talks from Moscow"
      present = false;
    } else if (
      (x === 'kept' || x === 'stayed' || x === 'stay' || x === 'stays' || x === 'remained') &&
      ['behind', 'away', 'home'].includes(w[i + 1] ?? '')
    ) {
      // "Rubio stayed behind in Washington"
      anchor = `${x} ${w[i + 1]}`;
      present = false;
    } else if ((x === 'skipped' || x === 'missed' || x === 'boycotted') && w.slice(i + 1, i + 4).some((y) => TALK.includes(y))) {
      present = false;
    } else if (x === 'show' && w[i - 1] === 'no' && (w[i - 2] === 'a' || w[i - 2] === 'was')) {
      // "was a no-show": the "no" is part of the noun, not a negation of it.
      const who = subjectNear(c, i - 1, 'before', 8);
      if (who) add(who, false, 'no-show');
      continue;
    } else if (
      x === 'excludes' ||
      x === 'exclude' ||
      x === 'excluding' ||
      ((x === 'leaves' || x === 'leave' || x === 'leaving') && w[i + 1] === 'out')
    ) {
      // A feared outcome ("fear Trump is negotiating a deal that excludes Kyiv") is not a report.
      if (w.slice(0, i).some((y) => FEAR.has(y))) continue;
      present = false;
      dir = 'after';
    } else if (x === 'involvement' || x === 'participation' || x === 'presence') {
      // "the absence of direct Ukrainian involvement"; "Ukraine's participation"
      // ("without its participation" states a condition, not who was there.)
      if (w[i - 2] === 'without' || w[i - 1] === 'without') continue;
      const absent = w.slice(Math.max(0, i - 5), i).some((y) => y === 'absence' || y === 'no');
      if (!absent && !w.slice(Math.max(0, i - 3), i).some((y) => y === 'the' || y === 's')) continue;
      present = !absent;
      dir = 'both';
      if (absent) anchor = 'absence';
    } else if (ABSENT_WORDS.has(x)) {
      if (x === 'absence') {
        // "Witkoff's absence from the table", "the absence of direct Ukrainian involvement"
        const owner = c.possessive[i - 1] && c.entityAt[i - 1] ? presenceSubject(c.entityAt[i - 1]!) : null;
        const s = owner ?? subjectNear(c, i, 'after', 6);
        if (s) add(s, false, x);
        continue;
      }
      present = false;
      dir = x === 'exclusion' ? 'both' : 'before';
    } else if (PRESENT_WORDS.has(x)) {
      if (x === 'present' && !['was', 'were', 'be', 'been', 'is', 'are', 'not'].includes(w[i - 1] ?? '')) continue;
      if (x === 'represented' && w[i + 1] === 'by') continue;
      if (
        (x === 'joined' || x === 'join' || x === 'joins') &&
        !w
          .slice(i + 1, i + 5)
          .some((y) =>
            ['session', 'talks', 'meeting', 'discussions', 'delegation', 'delegations', 'team', 'teams', 'negotiations'].includes(y),
          )
      )
        continue;
      present = true;
    } else {
      continue;
    }
    if (present === null) continue;
    // What should or could happen is not who was there ("all parties should participate", "Had Ukraine been invited").
    if (MODAL.has(w[i - 1] ?? '') || (MODAL.has(w[i - 2] ?? '') && (w[i - 1] === 'not' || w[i - 1] === 'be')) || hypotheticalAt(c, i))
      continue;
    const negated = negatedAt(c, i, 5);
    const value = negated ? !present : present;
    const who = subjectNear(c, i, dir, dir === 'before' ? 12 : 8);
    if (who) add(who, value, negated ? `not ${anchor}` : anchor);
  }
}

const LENGTH_WORDS = [
  'lasted',
  'last',
  'lasting',
  'ran',
  'run',
  'running',
  'went',
  'stretched',
  'dragged',
  'wrapped',
  'remain',
  'remained',
  'spent',
  'continued',
  'broke',
  'marathon',
  'talked',
  'met',
  'sat',
];

export function meetingLength(c: Ctx, out: Claim[]): void {
  // A length needs a word of duration, or "for"/"after" before the figure ("Twenty-four hours on, …" measures no meeting).
  if (!c.has(...TALK, 'table', 'they', 'delegations')) return;
  const timed = c.has(...LENGTH_WORDS);
  // "ran from 10am to 1pm"
  const span = /\bfrom\s+(\d{1,2})(?::(\d\d))?\s*([ap])\.?m\.?\s+(?:to|until|till)\s+(\d{1,2})(?::(\d\d))?\s*([ap])\.?m\b/i.exec(c.a.text);
  if (span) {
    const at = (h: string, m: string | undefined, ap: string) =>
      (Number(h) % 12) + (ap.toLowerCase() === 'p' ? 12 : 0) + Number(m ?? 0) / 60;
    const hours = at(span[4]!, span[5], span[6]!) - at(span[1]!, span[2], span[3]!);
    if (hours > 0 && hours < 24) {
      out.push({ kind: 'length', hours, text: span[0]!.replace(/^from\s+/i, 'from '), anchor: 'from' });
      return;
    }
  }
  for (const f of c.a.figures) {
    // "Lavrov later spent about twenty minutes briefing journalists": a person's time, not the meeting's.
    const spent = c.w.findIndex((x) => x === 'spent' || x === 'spending');
    if (spent > 0 && c.a.text.indexOf(f.text) > c.a.text.toLowerCase().indexOf('spen') && peopleIn(c, Math.max(0, spent - 3), spent).length)
      continue;
    if (!timed && !new RegExp(`\\b(?:for|after)\\s+(?:\\S+\\s+){0,2}${f.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(c.a.text))
      continue;
    if (f.kind !== 'duration' || (f.unit !== 'hour' && f.unit !== 'minute')) continue;
    // "for hours": no figure to check.
    if (f.max !== undefined && f.max > 3 * f.value) continue;
    const hours = f.unit === 'minute' ? f.value / 60 : f.value;
    out.push({ kind: 'length', hours, text: f.text, anchor: f.text });
    return;
  }
}

const SUMMIT_SET = new Set([
  'set',
  'fixed',
  'scheduled',
  'agreed',
  'confirmed',
  'announced',
  'finalised',
  'finalized',
  'settled',
  'pencil',
  'pencilled',
  'penciled',
]);
const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

export function summitDate(c: Ctx, out: Claim[]): void {
  const { w } = c;
  const people = new Set(c.a.entities);
  const summit =
    c.has('summit') || (((people.has('trump') && people.has('putin')) || c.has('leaders', 'presidents')) && c.hasPrefix('meet'));
  if (!summit) return;
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    if (x === 'date' && (w[i - 1] === 'no' || w[i - 2] === 'no')) {
      out.push({ kind: 'summit-date', set: false, anchor: 'no date' });
      return;
    }
    if (x === 'date' && w[i - 1] === 'a' && ['put', 'set', 'fixed', 'named', 'given'].includes(w[i - 2] ?? '') && negatedAt(c, i - 2, 4)) {
      out.push({ kind: 'summit-date', set: false, anchor: `${w[i - 2]} a date` });
      return;
    }
    if (!SUMMIT_SET.has(x)) continue;
    const aboutDate =
      w.slice(Math.max(0, i - 5), i).includes('date') ||
      ((w[i + 1] === 'for' || w[i + 1] === 'on' || w[i + 1] === 'in') &&
        w.slice(i + 2, i + 5).some((y) => MONTHS.has(y) || /^\d/.test(y) || y === 'early' || y === 'late' || y === 'mid'));
    if (!aboutDate) continue;
    const negated = negatedAt(c, i, 6) || (w[i - 1] === 'yet' && negatedAt(c, i - 1, 4));
    out.push({ kind: 'summit-date', set: !negated, anchor: negated ? `not ${x}` : x });
    return;
  }
  // "the two leaders will meet in Riyadh on 15 March"
  const dated = c.a.figures.some((f) => f.kind === 'date') || w.some((y, k) => MONTHS.has(y) && /^\d/.test(w[k - 1] ?? w[k + 1] ?? ''));
  const willMeet = w.some(
    (y, k) =>
      (y === 'will' || y === 'would' || (['due', 'agreed', 'set', 'scheduled', 'going'].includes(y) && w[k + 1] === 'to')) &&
      w.slice(k + 1, k + 4).some((z) => z.startsWith('meet') || z === 'hold'),
  );
  if (dated && willMeet && !w.some((y) => NEG.has(y)))
    out.push({ kind: 'summit-date', set: true, anchor: w.includes('due') ? 'due' : 'will' });
}

const AGENDA = new Set(['agenda', 'table', 'discussed', 'discussion', 'raised', 'talked']);
const EASE = new Set([
  'ease',
  'eased',
  'easing',
  'lift',
  'lifted',
  'lifting',
  'remove',
  'removed',
  'relief',
  'loosen',
  'loosened',
  'scrap',
  'scrapped',
  'waiver',
  'waivers',
  'exemption',
  'exemptions',
  'soften',
  'softened',
  'softening',
  'suspend',
  'suspended',
  'suspending',
  'suspension',
  'relax',
  'relaxed',
  'relaxing',
  'unfreeze',
  'unfrozen',
]);
const COMMIT = new Set([
  'agreed',
  'agree',
  'agreement',
  'understanding',
  'would',
  'will',
  'deal',
  'decided',
  'promised',
  'pledged',
  'lifted',
  'eased',
  'removed',
  'scrapped',
  'loosened',
  'signed',
  'granted',
  'approved',
  'promise',
  'gave',
]);

export function sanctions(c: Ctx, out: Claim[]): void {
  const { w } = c;
  // "easing curbs on Russian exporters" speaks of sanctions without the word.
  if (
    !c.hasPrefix('sanction') &&
    !w.some((x, i) => (x === 'curbs' || x === 'restrictions') && EASE.has(w[i - 1] ?? '')) &&
    !c.has('waiver', 'waivers', 'exemption', 'exemptions')
  )
    return;
  for (let i = 0; i < w.length; i++) {
    if ((AGENDA.has(w[i]!) || (w[i] === 'came' && w[i + 1] === 'up')) && negatedAt(c, i, 7)) {
      out.push({ kind: 'sanctions', status: 'off-agenda', anchor: `not ${w[i]}` });
      return;
    }
  }
  const easeAt = w.findIndex((x) => EASE.has(x));
  // A wish is not an outcome: "lifting sanctions was among the Kremlin's priorities".
  const wish = c.hasPrefix('priorit', 'hope', 'seek', 'sought', 'demand', 'want', 'push', 'aim');
  if (easeAt >= 0 && !wish) {
    const window = w.slice(Math.max(0, easeAt - 6), easeAt + 12);
    if (
      window.some((x) => COMMIT.has(x)) &&
      !window.some((x) => NEG.has(x) || x === 'possibility' || x === 'whether' || x === 'priorities')
    ) {
      out.push({ kind: 'sanctions', status: 'agreed', anchor: w[easeAt]! });
      return;
    }
  }
  const on = w.findIndex((x, i) => AGENDA.has(x) || (x === 'open' && w[i + 1] === 'to'));
  if (on >= 0) out.push({ kind: 'sanctions', status: 'on-agenda', anchor: w[on] === 'open' ? 'open to' : w[on]! });
}

const FAILED = new Set(['shelved', 'stalled', 'deadlocked', 'deadlock', 'postponed', 'deferred', 'unresolved', 'unsettled']);
const AGREE_WORDS = new Set([
  'agreed',
  'agree',
  'agreement',
  'agreements',
  'committed',
  'commitment',
  'consensus',
  'goals',
  'aims',
  'objectives',
  'deal',
  'accord',
  'signed',
]);
const RESTORE = ['restor', 'reestablish', 're-establish', 'rebuild', 'reopen', 'appoint', 'staff', 'return'];

const CREATE = [
  'create',
  'created',
  'creating',
  'creation',
  'appoint',
  'appointed',
  'appointing',
  'appointment',
  'establish',
  'established',
  'establishing',
  'establishment',
  'form',
  'formed',
  'forming',
  'formation',
  'launch',
  'launched',
  'launching',
  'begin',
  'began',
  'begun',
  'start',
  'started',
  'name',
  'named',
  'naming',
  'nominate',
  'nominated',
  'nominating',
  'assemble',
  'assembled',
  'assembling',
  'build',
  'building',
  'designate',
  'designated',
  'designating',
];
// Words that name the topic of an agreement, near which a failure word must stand.
const TOPIC_WORDS = /^(embass|ambassador|mission|staff|representation|team|negotiator|envoy|consult|representative|cooperat)/;

function agreementTopics(c: Ctx): AgreementTopic[] {
  const topics: AgreementTopic[] = [];
  const restoring = c.hasPrefix(...RESTORE) || c.has('back');
  if (
    restoring &&
    (c.hasPrefix('embass', 'ambassador', 'mission') || (c.has('diplomatic') && c.has('representation', 'staff', 'staffing')))
  )
    topics.push('embassies');
  const creating =
    c.has(...CREATE) ||
    c.w.some(
      (x, i) =>
        ((x === 'set' || x === 'setting') && c.w[i + 1] === 'up') || ((x === 'put' || x === 'putting') && c.w[i + 1] === 'together'),
    );
  if (
    c.a.entities.includes('ukraine') &&
    (c.hasPrefix('team', 'representative', 'negotiator', 'consult', 'envoy', 'group', 'track') ||
      (c.hasPrefix('negotiation') && c.hasPrefix('launch', 'structur'))) &&
    creating
  )
    topics.push('ukraine-talks');
  if (c.has('economic') && c.hasPrefix('cooperat', 'partnership', 'opportunit') && !c.hasPrefix('sanction')) topics.push('economic');
  return topics;
}

export function agreements(c: Ctx, out: Claim[]): void {
  const { w } = c;
  const topics = agreementTopics(c);
  if (!topics.length) return;
  // "ended without a meeting of minds", "had been shelved": no agreement, whatever the verb.
  const nearTopic = (i: number) => w.slice(Math.max(0, i - 12), i + 12).some((y) => TOPIC_WORDS.test(y));
  const failedAt = w.findIndex(
    (x, i) =>
      (FAILED.has(x) && nearTopic(i)) ||
      (x === 'minds' && w[i - 2] === 'meeting' && negatedAt(c, i - 3, 3)) ||
      (x === 'minds' && w[i - 4] === 'without'),
  );
  if (failedAt >= 0) {
    for (const topic of topics) out.push({ kind: 'agreement', topic, agreed: false, anchor: w[failedAt]! });
    return;
  }
  let at = w.findIndex((x) => AGREE_WORDS.has(x));
  // An announced next step is an outcome too: "teams will begin talks on Ukraine in due course".
  if (at < 0)
    at = w.findIndex(
      (x, i) =>
        (x === 'will' || x === 'would') &&
        [
          'begin',
          'start',
          'launch',
          'set',
          'nominate',
          'appoint',
          'name',
          'create',
          'form',
          'reopen',
          'restore',
          'designate',
          'open',
        ].includes(w[i + 1] ?? ''),
    );
  if (at < 0) return;
  const failed =
    (w[at - 1] === 'to' && ['failed', 'fail', 'unable'].includes(w[at - 2] ?? '')) ||
    negatedAt(c, at, 4) ||
    w.some((x, i) => x === 'failed' && w[i + 1] === 'to');
  for (const topic of topics) out.push({ kind: 'agreement', topic, agreed: !failed, anchor: failed ? `failed to ${w[at]}` : w[at]! });
}

const GOOD = new Set([
  'useful',
  'productive',
  'fruitful',
  'constructive',
  'positive',
  'successful',
  'success',
  'good',
  'excellent',
  'substantive',
]);
const BAD = new Set([
  'useless',
  'unproductive',
  'fruitless',
  'pointless',
  'failure',
  'waste',
  'futile',
  'worthless',
  'disappointing',
  'flop',
  'fiasco',
  'disaster',
  'letdown',
  'dud',
  'wasted',
]);
const TALK = [
  'talks',
  'meeting',
  'conversation',
  'discussions',
  'discussion',
  'session',
  'exercise',
  'exchange',
  'encounter',
  'negotiations',
];

// Who speaks for the delegations when "both sides" judge: not spokespeople or heads of state at home.
export const NOT_AT_TABLE_ROLES = new Set(['role:spokesperson', 'role:president']);

export function verdicts(c: Ctx, speaker: string | null, out: Claim[]): void {
  const { w } = c;
  if (!c.has(...TALK, 'delegation', 'delegations', 'sides')) return;
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    const stepForward = x === 'step' && (w[i + 1] === 'forward' || w[i - 1] === 'important');
    if (!GOOD.has(x) && !BAD.has(x) && !stepForward) continue;
    const positive = (GOOD.has(x) || stepForward) !== negatedAt(c, i, 3);
    // Who judged: the person named last before the verdict, or "both sides" if named later than any
    // person, else the reported speaker ("Lavrov called it useful, and the two delegations spoke of a fruitful day").
    let by: string | null = null;
    for (let k = i - 1; k >= 0 && !by; k--) {
      const id = c.entityAt[k];
      if (id && typeOf(id) === 'person' && !c.possessive[k]) by = id;
      else if ((w[k] === 'both' || w[k] === 'two') && ['sides', 'delegations', 'countries', 'teams', 'camps'].includes(w[k + 1] ?? ''))
        by = 'both';
      // "The Russian delegation came out describing the afternoon as wasted": one side judging.
      else if ((id === 'us' || id === 'russia') && ['delegation', 'side', 'team'].includes(w[k + 1] ?? '')) by = `side:${id}`;
    }
    // The judgement must be of the talks themselves: a talk word close by, or the delegations judging their day.
    if (by !== 'both' && !by?.startsWith('side:') && !w.slice(Math.max(0, i - 7), i + 4).some((y) => TALK.includes(y))) continue;
    by ??= speaker;
    // "Both Rubio and Lavrov … judged the exchange a fruitless one": every judge joined by "and".
    const judges = [by];
    const m = by && by !== 'both' ? c.a.mentions.find((mm) => mm.id === by) : undefined;
    if (m && w[m.start - 1] === 'and') {
      const other = c.entityAt[m.start - 2];
      if (other && typeOf(other) === 'person') judges.push(other);
    }
    for (const j of judges) {
      if (out.some((o) => o.kind === 'verdict' && o.by === j && o.positive === positive)) continue;
      out.push({ kind: 'verdict', positive, by: j, word: stepForward ? 'a step forward' : x, anchor: stepForward ? 'step' : x });
    }
  }
}

const PROGRESS = new Set([
  'progress',
  'results',
  'result',
  'improvement',
  'improvements',
  'improve',
  'breakthrough',
  'breakthroughs',
  'gains',
  'movement',
  'moving',
  'thaw',
]);
const FORECAST = [
  'could',
  'will',
  'would',
  'may',
  'might',
  'expected',
  'expects',
  'predicted',
  'predicting',
  'predicts',
  'believed',
  'believes',
  'think',
  'forecast',
  'likely',
  'wait',
  'patience',
];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

export function timeline(c: Ctx, speaker: string | null, out: Claim[]): void {
  if (!c.has(...PROGRESS) || !c.has(...FORECAST)) return;
  for (const f of c.a.figures as Figure[]) {
    if (f.kind !== 'duration' || !f.unit || !(f.unit in DAYS)) continue;
    const d = DAYS[f.unit]!;
    const person = peopleIn(c, 0, c.w.length)[0] ?? null;
    out.push({ kind: 'timeline', days: [f.value * d, (f.max ?? f.value) * d], text: f.text, by: person ?? speaker, anchor: f.text });
    return;
  }
  // "by the first week of March": days from the February talks to that month.
  const month =
    /\bby\s+(?:the\s+)?(?:(?:first|second|third|last)\s+week\s+of\s+|end\s+of\s+|early\s+|mid-?|late\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.exec(
      c.a.text,
    );
  if (month) {
    const m = MONTH_NAMES.indexOf(month[1]!.toLowerCase());
    const d = ((m - 1 + 12) % 12) * 30;
    const person = peopleIn(c, 0, c.w.length)[0] ?? null;
    out.push({
      kind: 'timeline',
      days: [Math.max(1, d - 15), d + 15],
      text: month[0]!,
      by: person ?? speaker,
      anchor: month[1]!.toLowerCase(),
    });
    return;
  }
  // "not before the end of the year": about ten months after the February talks.
  const end = c.w.findIndex((x, i) => x === 'end' && c.w[i + 1] === 'of' && c.w[i + 3] === 'year');
  if (end >= 0) {
    const person = peopleIn(c, 0, c.w.length)[0] ?? null;
    const notBefore = c.w[end - 2] === 'before' && negatedAt(c, end - 2, 8);
    out.push({
      kind: 'timeline',
      days: notBefore ? [300, 400] : [30, 320],
      text: notBefore ? 'not before the end of the year' : 'by the end of the year',
      by: person ?? speaker,
      anchor: 'end',
    });
  }
}

const MET = new Set([
  'met',
  'meet',
  'meeting',
  'convened',
  'hosted',
  'gathered',
  'sat',
  'held',
  'facing',
  'faced',
  'took',
  'reopened',
  'resumed',
  'closeted',
]);
const VENUE = new Set(['riyadh', 'saudi', 'diriyah']);

/** That the meeting took place: both sides named, a meeting verb and the place ("US and Russian officials met in Riyadh"). */
export function met(c: Ctx, out: Claim[]): void {
  const countries = new Set(c.a.entities.map((id) => (typeOf(id) === 'person' ? countryOf(id) : id)));
  if (!countries.has('us') || !countries.has('russia')) return;
  const place = c.a.entities.find((id) => VENUE.has(id));
  if (!place) return;
  const i = c.w.findIndex(
    (x, k) =>
      MET.has(x) &&
      (x !== 'sat' || c.w[k + 1] === 'down' || c.w[k + 1] === 'across') &&
      ((x !== 'facing' && x !== 'faced') || ['one', 'each'].includes(c.w[k + 1] ?? '')) &&
      ((x !== 'reopened' && x !== 'resumed') ||
        c.w.slice(k + 1, k + 4).some((y) => ['talks', 'dialogue', 'contacts', 'negotiations'].includes(y))) &&
      (x !== 'held' ||
        c.w.slice(k + 1, k + 7).some((y) => ['talks', 'discussions', 'meeting', 'negotiation', 'negotiations'].includes(y)) ||
        c.w[k - 2] === 'were' ||
        c.w[k - 1] === 'were') &&
      (x !== 'meeting' || c.w[k + 1] === 'in' || c.w[k + 1] === 'between' || (c.w[k + 1] === 'for' && c.w[k + 3] === 'first')) &&
      (x !== 'took' || c.w[k + 1] === 'place'),
  );
  if (i < 0 || negatedAt(c, i, 4) || c.hasPrefix('will', 'plan', 'expect') || MODAL.has(c.w[i - 1] ?? '') || MODAL.has(c.w[i - 2] ?? ''))
    return;
  out.push({ kind: 'met', place, anchor: c.w[i]! });
}

// A first that may yet come ("potentially … the first substantive negotiations") is no report.
const HEDGED = new Set(['potentially', 'possibly', 'could', 'may', 'might', 'would']);
const WAR_START =
  /^(invasion|invaded|invade|war|assault|attack|offensive|rolled|crossed|poured|marched|began|begun|launched|started|troops|tanks|army|2022)$/;

/** That these were the first such talks since the invasion ("the first high-level meeting … since Russia's invasion"). */
export function firstSinceInvasion(c: Ctx, out: Claim[]): void {
  const { w } = c;
  // "Not since the Kremlin sent its tanks over the border had the two faced one another."
  const none = w[0] === 'no' && w.slice(1, 5).some((y) => ['encounter', 'meeting', 'talks', 'contact', 'session'].includes(y));
  if (
    (w[0] === 'not' && w[1] === 'since' && w.slice(2, 14).some((y) => WAR_START.test(y))) ||
    (none && w.some((y, k) => y === 'since' && w.slice(k + 1, k + 12).some((z) => WAR_START.test(z))))
  ) {
    out.push({ kind: 'first-since-invasion', anchor: 'not since' });
    return;
  }
  const first = w.findIndex((x, i) => x === 'first' || ((x === 'highest' || x === 'most') && ['level', 'senior'].includes(w[i + 1] ?? '')));
  if (first < 0 || w.slice(0, first).some((x) => HEDGED.has(x))) return;
  const since = w.findIndex(
    (x, i) =>
      i > first &&
      ((x === 'since' && w.slice(i + 1, i + 8).some((y) => WAR_START.test(y))) ||
        (x === 'of' && w[i + 1] === 'the' && w[i + 2] === 'war') ||
        (x === 'in' && w.slice(i + 1, i + 4).includes('three') && w.slice(i + 1, i + 5).includes('years'))),
  );
  if (since < 0 || since - first > 14) return;
  out.push({ kind: 'first-since-invasion', anchor: w[first]! });
}

const LAND = /^(territor|land|lands|ground|concession|concessions|region|regions)$|^territor/;
const YIELD_WORDS = new Set([
  'cede',
  'ceding',
  'hand',
  'handing',
  'give',
  'giving',
  'return',
  'returning',
  'concede',
  'conceding',
  'surrender',
  'relinquish',
  'withdraw',
  'concessions',
]);

/** Whether a side would give up territory, and who says so ("Lavrov ruled out any territorial concessions"). */
export function territory(c: Ctx, speaker: string | null, out: Claim[]): void {
  const { w } = c;
  const at = w.findIndex((x) => LAND.test(x));
  if (at < 0 || !w.some((x) => YIELD_WORDS.has(x) || x.startsWith('concession'))) return;
  // Refusal: "ruled out", "rejected", "no territorial concessions", "will not cede" — not any "not" nearby.
  const refused =
    w.some((x, i) => (x === 'ruled' || x === 'rules' || x === 'rule') && w[i + 1] === 'out') ||
    w.some((x) => /^(reject|refus|dismiss)/.test(x)) ||
    w[at - 1] === 'no' ||
    w[at - 2] === 'no' ||
    w.some((x, i) => YIELD_WORDS.has(x) && (w[i - 1] === 'not' || w[i - 1] === 'never'));
  const ready =
    w.some(
      (x, i) =>
        ['ready', 'willing', 'willingness', 'readiness', 'open', 'prepared', 'agreed', 'offered', 'offer'].includes(x) &&
        (['to', 'for'].includes(w[i + 1] ?? '') || x.endsWith('ness')),
    ) || w.some((x, i) => YIELD_WORDS.has(x) && ['could', 'would', 'might', 'can'].includes(w[i - 1] ?? ''));
  if (!refused && !ready) return;
  const person = peopleIn(c, 0, at).find((p) => !c.possessive[c.a.mentions.find((m) => m.id === p)?.start ?? -1]) ?? null;
  out.push({ kind: 'territory', open: !refused, by: person ?? speaker, anchor: refused ? 'ruled out' : 'ready' });
}

/** Someone's role as an informal channel between the capitals ("a back channel to Trump's circle"). */
export function backChannel(c: Ctx, out: Claim[]): void {
  const { w } = c;
  const at = w.findIndex(
    (x, i) =>
      x === 'backchannel' ||
      x === 'back-channel' ||
      ((x === 'channel' || x === 'channels') && ['back', 'informal', 'quiet'].includes(w[i - 1] ?? '')),
  );
  if (at < 0) return;
  const person = c.a.mentions.find((m) => typeOf(m.id) === 'person' && m.start < at && !c.possessive[m.end - 1]);
  if (person) out.push({ kind: 'back-channel', who: person.id, anchor: w[at]! });
}

const CONCERN = [
  'concern',
  'fear',
  'uneas',
  'worr',
  'complain',
  'alarm',
  'anxi',
  'vocal',
  'protest',
  'grumbl',
  'resent',
  'grievance',
  'snub',
  'stung',
];
const SIDELINED = [
  'sideline',
  'exclu',
  'absence',
  'pushed aside',
  'left out',
  'leaves out',
  'frozen out',
  'cut out',
  'kept out',
  'shut out',
  'over their heads',
  'over its head',
  'from the outside',
  'no seat',
  'without kyiv',
  'without ukraine',
];

/** A party's concern at being left out ("European allies voiced concerns about being sidelined"). */
export function exclusionConcern(c: Ctx, out: Claim[]): void {
  if (!c.hasPrefix(...CONCERN)) return;
  const joined = ` ${c.w.join(' ')} `;
  if (!SIDELINED.some((x) => joined.includes(` ${x}`))) return;
  for (const who of ['europe', 'ukraine']) {
    if (c.a.entities.includes(who) || c.a.entities.some((id) => typeOf(id) === 'person' && countryOf(id) === who))
      out.push({ kind: 'exclusion-concern', who, anchor: c.w.find((x) => CONCERN.some((p) => x.startsWith(p))) ?? 'concern' });
  }
}

/** An assurance that nobody is left out ("No one is being sidelined here", "rejected the charge that anyone had been sidelined"). */
export function noOneSidelined(c: Ctx, speaker: string | null, out: Claim[]): void {
  const { w } = c;
  const at = w.findIndex(
    (x, i) =>
      /^(sideline|exclud|left|pushed|frozen)/.test(x) &&
      (x !== 'left' || w[i + 1] === 'out') &&
      (x !== 'pushed' || w[i + 1] === 'aside') &&
      (x !== 'frozen' || w[i + 1] === 'out'),
  );
  if (at < 0) return;
  const before = w.slice(Math.max(0, at - 5), at);
  const nobody =
    before.includes('nobody') || before.includes('none') || (before.includes('one') && before[before.indexOf('one') - 1] === 'no');
  const denied = before.includes('anyone') && w.slice(Math.max(0, at - 10), at).some((y) => /^(reject|deni|deny|dismiss)/.test(y));
  if (!nobody && !denied) return;
  const person = peopleIn(c, 0, at).at(-1) ?? null;
  out.push({ kind: 'no-one-sidelined', by: person ?? speaker, anchor: w[at]! });
}

const DEAL_WORDS = new Set(['deal', 'deals', 'agreement', 'agreements', 'outcome', 'understanding', 'settlement', 'emerges', 'accord']);
const REJECT = /^(reject|void|null|recogni[sz]e|accept(s|ed)?$|bound$|weight$|legitim)/;

/** Ukraine's refusal of any deal made without it ("will not be bound by any outcome it had no hand in"). */
export function rejectsDeals(c: Ctx, out: Claim[]): void {
  const { w } = c;
  const ukrainian = c.a.entities.some((id) => id === 'ukraine' || countryOf(id) === 'ukraine');
  if (!ukrainian || !w.some((x) => DEAL_WORDS.has(x))) return;
  const i = w.findIndex((x) => REJECT.test(x));
  if (i < 0) return;
  // Rejecting is refusal by itself; accepting, recognising or being bound must be negated ("no weight" too).
  const refusal = /^(reject|void|null)/.test(w[i]!) || negatedAt(c, i, 6) || (w[i] === 'weight' && w[i - 1] === 'no');
  if (!refusal) return;
  out.push({ kind: 'rejects-deals', who: 'ukraine', anchor: w[i]! });
}

const SAYING = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'hinted',
  'suggested',
  'suggests',
  'thinks',
  'thought',
  'judged',
  'judges',
  'believes',
  'believed',
  'expects',
  'expected',
  'predicted',
  'talks',
  'talked',
  'spoke',
  'added',
  'insisted',
  'argued',
  'cautioned',
  'warned',
  'signalled',
  'indicated',
]);
const OPINION = new Set(['guess', 'view', 'estimate', 'forecast', 'prediction', 'expectation', 'hunch', 'bet', 'assessment', 'reckoning']);
const UNLIKELY = new Set(['unlikely', 'improbable', 'doubtful', 'doubt', 'doubted']);

/**
 * When the presidents might meet, by who says so ("Ushakov: unlikely next week; Waltz: within weeks").
 * Each clause is read on its own, so two forecasts in one sentence keep their own speakers.
 */
export function summitWhen(c: Ctx, speaker: string | null, out: Claim[]): void {
  const { w } = c;
  const people = new Set(c.a.entities);
  if (!c.has('summit', 'meeting', 'meet', 'presidents', 'leaders') && !(people.has('trump') && people.has('putin'))) return;
  // Clause starts: sentence start, a clause break, or "while"/"whereas"/"but".
  const starts = [
    0,
    ...w.map((x, i) => (i > 0 && (c.breakBefore[i] || ['while', 'whereas', 'but'].includes(x)) ? i : -1)).filter((i) => i > 0),
    w.length,
  ];
  for (let s = 0; s < starts.length - 1; s++) {
    const from = starts[s]!,
      to = starts[s + 1]!;
    let when: 'next-week' | 'weeks' | 'months' | null = null,
      at = -1;
    for (let i = from; i < to && !when; i++) {
      if (w[i] === 'next' && w[i + 1] === 'week') {
        when = 'next-week';
        at = i;
      } else if (
        w[i] === 'days' &&
        ['next', 'coming'].includes(w[i - 2] ?? '') &&
        ['seven', 'few', '7', 'several'].includes(w[i - 1] ?? '')
      ) {
        when = 'next-week';
        at = i;
      } else if (
        w[i] === 'weeks' &&
        w.slice(Math.max(from, i - 5), i).includes('than') &&
        w.slice(Math.max(from, i - 6), i).some((y) => y === 'longer' || y === 'more')
      ) {
        when = 'months';
        at = i;
      } else if (w[i] === 'weeks' && (['coming', 'few', 'of', 'within', 'in', 'next'].includes(w[i - 1] ?? '') || w[i + 1] === 'ahead')) {
        when = 'weeks';
        at = i;
      } else if (
        w[i] === 'months' &&
        (['coming', 'few', 'next', 'many', 'several', 'that'].includes(w[i - 1] ?? '') ||
          ['away', 'ahead', 'rather'].includes(w[i + 1] ?? ''))
      ) {
        when = 'months';
        at = i;
      }
    }
    if (!when) continue;
    const clause = w.slice(from, to);
    // The forecaster: a person next to a saying verb in the clause ("Waltz said", "said Waltz"),
    // not the presidents the forecast is about.
    let by: string | null = null;
    for (let i = from; i < to && !by; i++) {
      const id = c.entityAt[i];
      if (!id || typeOf(id) !== 'person') continue;
      let end = i;
      while (c.entityAt[end + 1] === id) end++;
      // "Ushakov's guess was …": a possessive counts only before a word of opinion.
      if (c.possessive[end]) {
        if (OPINION.has(w[end + 1] ?? '')) by = id;
        i = end;
        continue;
      }
      if (w.slice(end + 1, Math.min(to, end + 5)).some((x) => SAYING.has(x)) || SAYING.has(w[i - 1] ?? '')) by = id;
      i = end;
    }
    // No saying verb: the clause's subject, if a person opens it ("Ushakov was the optimist, …").
    if (!by) {
      const first = c.a.mentions.find(
        (m) => m.start >= from && m.start <= from + 2 && typeOf(m.id) === 'person' && !c.possessive[m.end - 1],
      );
      if (first) by = first.id;
    }
    by ??= s === 0 ? speaker : null;
    const likely = !clause.some((x) => UNLIKELY.has(x) || NEG.has(x));
    out.push({ kind: 'summit-when', when, likely, by, anchor: w[at]! });
  }
}

// Counted things that news about the day reports and other outlets can contradict.
const COUNTED = new Set(['drone', 'missile']);

/** A count of attacking drones or missiles ("176 drones", "a little over 90 attack drones"). */
export function counts(c: Ctx, out: Claim[]): void {
  for (const f of c.a.figures as Figure[]) {
    if (f.kind === 'count' && COUNTED.has(f.unit)) out.push({ kind: 'count', what: f.unit, value: f.value, text: f.text, anchor: f.text });
  }
}

const VENUE_VERBS = new Set(['held', 'took', 'place', 'convened', 'met', 'hosted', 'setting', 'venue', 'gathered']);

/** Where the talks were held, when the sentence says so ("were held at Diriyah Palace", "The setting was Al-Yamamah Palace"). */
export function venue(c: Ctx, out: Claim[]): void {
  const { w } = c;
  for (let i = 0; i < w.length; i++) {
    if (w[i] !== 'palace' || !/^P/.test(c.raw[i] ?? '')) continue;
    if (!w.slice(Math.max(0, i - 7), i).some((y) => VENUE_VERBS.has(y))) continue;
    const known = c.entityAt[i - 1] ?? c.entityAt[i];
    const place =
      known === 'diriyah'
        ? 'diriyah'
        : (unknownNameIn(c, Math.max(0, i - 3), i + 1) ?? (/^[A-Z]/.test(c.raw[i - 1] ?? '') ? `${c.raw[i - 1]} Palace` : null));
    if (place) {
      out.push({ kind: 'venue', place, anchor: 'palace' });
      return;
    }
  }
}
