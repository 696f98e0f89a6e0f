// Evidence for one (page sentence, corpus statement) pair: how much of the claim they share,
// which names, figures and negations agree or clash. Pure numbers and short labels, so the stance
// rule and the reasons read from the same facts.
import type { Analysis } from '../text/analyze';
import type { Figure } from '../corpus/types';
import { sameQuantity, sameValue } from '../text/figures';
import { ENTITY_BY_ID } from '../text/aliases';

export interface PairEvidence {
  /** idf-weighted cosine of the two term sets (0..1). */
  sim: number;
  /** Share of the statement's (b) weighted terms found in the sentence (a), and the reverse. */
  coverB: number;
  coverA: number;
  /** Shared terms, heaviest first (stems and @entities). */
  shared: string[];
  sharedEntities: string[];
  /** Figures stating the same quantity with the same value / a different value. */
  sameFigures: [Figure, Figure][];
  diffFigures: [Figure, Figure][];
  /** A negation or refutation cue on one side whose scope covers shared terms, absent on the other. */
  negationA: { cue: string; on: string[] } | null;
  negationB: { cue: string; on: string[] } | null;
  /** Words of opposite meaning across the pair on shared ground ("agreed" vs "rejected"). */
  antonyms: [string, string] | null;
  /** People named by the page in an attendance frame that the statement's frame does not name. */
  attendeeClash: { page: string[]; statement: string[] } | null;
}

export type IdfFn = (term: string) => number;

// Pairs of stems that contradict each other when said of the same thing.
const ANTONYMS: readonly [string, string][] = [
  ['agre', 'reject'], ['agre', 'refus'], ['present', 'absent'], ['attend', 'absent'], ['includ', 'exclud'],
  ['invit', 'exclud'], ['lift', 'impos'], ['eas', 'tighten'], ['success', 'fail'], ['product', 'unproduct'],
  ['set', 'unset'], ['fix', 'undecid'], ['confirm', 'deni'], ['progress', 'stall'], ['breakthrough', 'deadlock'],
];

const ATTENDANCE = new Set(['led', 'lead', 'head', 'headed', 'attend', 'attended', 'present', 'accompani', 'accompanied', 'repres', 'represented', 'deleg', 'delegation', 'includ', 'included', 'join', 'joined', 'particip', 'seat', 'seated']);

function termWeights(terms: readonly string[], idf: IdfFn): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) if (!m.has(t)) m.set(t, idf(t));
  return m;
}

function negationOn(a: Analysis, shared: Set<string>, sharedStems: Set<string>): { cue: string; on: string[] } | null {
  for (const c of a.cues) {
    const on = c.scope.filter((s) => sharedStems.has(s) || shared.has(s));
    if (on.length) return { cue: c.cue, on };
  }
  return null;
}

function hasAttendanceFrame(a: Analysis): boolean {
  return a.words.some((w) => ATTENDANCE.has(w)) || a.terms.some((t) => ATTENDANCE.has(t));
}

/** All the evidence for a pair; `idf` weights terms by how rare they are in the corpus. */
export function comparePair(a: Analysis, b: Analysis, idf: IdfFn): PairEvidence {
  const wa = termWeights(a.terms, idf);
  const wb = termWeights(b.terms, idf);
  let dot = 0, na = 0, nb = 0;
  const shared: [string, number][] = [];
  for (const [t, w] of wa) { na += w * w; const v = wb.get(t); if (v !== undefined) { dot += w * v; shared.push([t, w]); } }
  for (const w of wb.values()) nb += w * w;
  let massA = 0, massB = 0, massShared = 0;
  for (const w of wa.values()) massA += w;
  for (const w of wb.values()) massB += w;
  for (const [, w] of shared) massShared += w;
  shared.sort((x, y) => y[1] - x[1]);
  const sharedSet = new Set(shared.map(([t]) => t));
  const sim = na && nb ? dot / Math.sqrt(na * nb) : 0;

  const sameFigures: [Figure, Figure][] = [];
  const diffFigures: [Figure, Figure][] = [];
  for (const fa of a.figures) {
    if (fa.kind === 'year' || fa.kind === 'date') continue;
    for (const fb of b.figures) {
      if (!sameQuantity(fa, fb)) continue;
      (sameValue(fa, fb) ? sameFigures : diffFigures).push([fa, fb]);
    }
  }

  const sharedStems = new Set([...sharedSet].filter((t) => !t.startsWith('@')));
  let negationA = negationOn(a, sharedSet, sharedStems);
  let negationB = negationOn(b, sharedSet, sharedStems);
  // Both sides negate the same ground: they agree ("no date set" vs "no date has been set").
  if (negationA && negationB) { negationA = null; negationB = null; }

  let antonyms: [string, string] | null = null;
  const ta = new Set(a.terms), tb = new Set(b.terms);
  for (const [x, y] of ANTONYMS) {
    if ((ta.has(x) && tb.has(y)) || (ta.has(y) && tb.has(x))) { antonyms = ta.has(x) ? [x, y] : [y, x]; break; }
  }

  let attendeeClash: PairEvidence['attendeeClash'] = null;
  if (hasAttendanceFrame(a) && hasAttendanceFrame(b)) {
    const people = (x: Analysis) => x.entities.filter((e) => ENTITY_BY_ID.get(e)?.type === 'person');
    const pa = people(a), pb = people(b);
    const onlyA = pa.filter((p) => !pb.includes(p));
    if (onlyA.length && pb.length && pa.some((p) => pb.includes(p)) === false) attendeeClash = { page: onlyA, statement: pb };
  }

  return {
    sim,
    coverA: massA ? massShared / massA : 0,
    coverB: massB ? massShared / massB : 0,
    shared: shared.map(([t]) => t),
    sharedEntities: shared.map(([t]) => t).filter((t) => t.startsWith('@')).map((t) => t.slice(1)),
    sameFigures,
    diffFigures,
    negationA,
    negationB,
    antonyms,
    attendeeClash,
  };
}
