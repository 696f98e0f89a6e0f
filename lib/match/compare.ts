// Evidence for one (page sentence, corpus statement) pair: how much of the claim they share,
// which names, figures and negations agree or clash. Pure numbers and short labels, so the stance
// rule and the reasons read from the same facts.
import type { Analysis } from '../text/analyze';
import type { Figure } from '../core/corpus';
import { sameQuantity, sameValue } from '../text/figures';
import { ENTITY_BY_ID } from '../text/aliases';
import type { WordVectors } from '../text/embeddings';

export interface PairEvidence {
  /** idf-weighted cosine of the two term sets (0..1). */
  sim: number;
  /**
   * Paraphrase-aware agreement (0..1): the harmonic mean of the two soft coverages, where a term
   * missing from the other side counts by its closest word there in meaning (word vectors).
   */
  soft: number;
  softCoverA: number;
  softCoverB: number;
  /** Term pairs matched by meaning rather than spelling ([page term, statement term]). */
  aligned: [string, string][];
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

/** How terms are weighed and compared: corpus idf, and word vectors when available. */
export interface CompareContext {
  idf: IdfFn;
  vectors?: WordVectors | null;
}

// Below this cosine two different words are not taken as the same idea.
export const SOFT_MIN = 0.5;
// Context words of two figures this close in meaning say they measure the same thing.
const FIGURE_CONTEXT_MIN = 0.45;
// A negation clashes only when what it denies weighs this much (sum of idf): a real part of the claim.
const NEGATION_MIN_WEIGHT = 2.5;
const NEGATION_MIN_SHARE = 0.12;

// Pairs of stems that contradict each other when said of the same thing.
const ANTONYMS: readonly [string, string][] = [
  ['agre', 'reject'],
  ['agre', 'refus'],
  ['agre', 'fail'],
  ['agreement', 'fail'],
  ['present', 'absent'],
  ['attend', 'absent'],
  ['includ', 'exclud'],
  ['invit', 'exclud'],
  ['lift', 'impos'],
  ['eas', 'tighten'],
  ['success', 'fail'],
  ['success', 'failur'],
  ['product', 'unproduct'],
  ['us', 'useless'],
  ['fruit', 'useless'],
  ['product', 'useless'],
  ['set', 'unset'],
  ['fix', 'undecid'],
  ['confirm', 'deni'],
  ['progress', 'stall'],
  ['breakthrough', 'deadlock'],
  ['accept', 'reject'],
];

/**
 * Words that name the same idea in news about talks, whatever their spelling: being there, settling
 * something, easing sanctions. Pairs inside one group align as strongly as near-synonyms, so a
 * negation of one ("Kyiv was not invited") meets the assertion of another ("took part").
 */
const CONCEPTS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ['presence', ['attend', 'present', 'particip', 'join', 'invit', 'repres', 'part', 'presenc', 'room', 'tabl']],
    ['settled', ['set', 'fix', 'schedul', 'settl', 'agre', 'firm', 'date']],
    ['easing', ['eas', 'lift', 'relief', 'remov', 'loosen', 'sanction']],
    ['worth', ['us', 'fruit', 'product', 'construct', 'posit', 'success']],
  ].flatMap(([concept, stems]) => (stems as string[]).map((s) => [s, concept as string])),
);
const CONCEPT_ALIGN = 0.8;

// Words of who led or attended ("included" is left out: lists of topics use it too).
const ATTENDANCE = new Set([
  'led',
  'lead',
  'head',
  'headed',
  'attend',
  'attended',
  'present',
  'accompani',
  'accompanied',
  'repres',
  'represented',
  'deleg',
  'delegation',
]);

const weightCache = new WeakMap<Analysis, { idf: IdfFn; weights: Map<string, number> }>();

/** idf weight of each distinct term (remembered per analysis: statements meet many sentences). */
function termWeights(a: Analysis, idf: IdfFn): Map<string, number> {
  const hit = weightCache.get(a);
  if (hit && hit.idf === idf) return hit.weights;
  const m = new Map<string, number>();
  for (const t of a.terms) if (!m.has(t)) m.set(t, idf(t));
  weightCache.set(a, { idf, weights: m });
  return m;
}

/** Weighted share of the statement's terms the sentence has, spelled the same (no word vectors): cheap. */
export function exactCoverage(a: Analysis, b: Analysis, idf: IdfFn): number {
  const wa = termWeights(a, idf);
  const wb = termWeights(b, idf);
  let mass = 0,
    shared = 0;
  for (const [t, w] of wb) {
    mass += w;
    if (wa.has(t)) shared += w;
  }
  return mass ? shared / mass : 0;
}

/** The paraphrase-aware coverages of each side by the other and their harmonic mean (the `soft` of comparePair). */
export function softCoverages(a: Analysis, b: Analysis, ctx: CompareContext): { soft: number; coverA: number; coverB: number } {
  const wa = termWeights(a, ctx.idf);
  const wb = termWeights(b, ctx.idf);
  let massA = 0,
    massB = 0,
    shared = 0;
  for (const [t, w] of wa) {
    massA += w;
    if (wb.has(t)) shared += w;
  }
  for (const w of wb.values()) massB += w;
  const soft = softAlign(wa, wb, ctx.vectors);
  const ca = massA ? Math.min(1, (shared + soft.massA) / massA) : 0;
  const cb = massB ? Math.min(1, (shared + soft.massB) / massB) : 0;
  return { soft: ca + cb ? (2 * ca * cb) / (ca + cb) : 0, coverA: ca, coverB: cb };
}

/**
 * A negation in `a` that denies what `other` asserts: its scope must cover shared ground (exact or
 * aligned terms, mapped to `other`'s terms by `toOther`) weighing at least NEGATION_MIN_WEIGHT and at
 * least NEGATION_MIN_SHARE of `other`'s claim — so a passing "not" elsewhere in the sentence is no clash.
 */
function negationOn(
  a: Analysis,
  ground: Map<string, string>,
  otherWeights: Map<string, number>,
  otherMass: number,
): { cue: string; on: string[] } | null {
  for (const c of a.cues) {
    const on = c.scope.filter((s) => ground.has(s));
    let w = 0;
    for (const t of new Set(on.map((s) => ground.get(s)!))) w += otherWeights.get(t) ?? 0;
    if (w >= NEGATION_MIN_WEIGHT && otherMass > 0 && w / otherMass >= NEGATION_MIN_SHARE) return { cue: c.cue, on };
  }
  return null;
}

// Whether a text speaks of who led or attended (remembered per analysis: statements meet many sentences).
const attendanceCache = new WeakMap<Analysis, boolean>();
function hasAttendanceFrame(a: Analysis): boolean {
  let hit = attendanceCache.get(a);
  if (hit === undefined) attendanceCache.set(a, (hit = a.words.some((w) => ATTENDANCE.has(w)) || a.terms.some((t) => ATTENDANCE.has(t))));
  return hit;
}

// A term map's words with vector rows, as flat arrays in the map's order (remembered per map:
// statements meet many sentences), for softAlign's inner loop.
interface VectorTerms {
  vectors: WordVectors;
  terms: string[];
  rows: Int32Array;
  weights: Float64Array;
  concepts: (string | undefined)[];
}
const vectorTermsCache = new WeakMap<Map<string, number>, VectorTerms>();
function vectorTerms(w: Map<string, number>, vectors: WordVectors): VectorTerms {
  const hit = vectorTermsCache.get(w);
  if (hit && hit.vectors === vectors) return hit;
  const terms: string[] = [];
  for (const t of w.keys()) if (!t.startsWith('@')) terms.push(t);
  const v: VectorTerms = {
    vectors,
    terms,
    rows: Int32Array.from(terms, (t) => vectors.id(t)),
    weights: Float64Array.from(terms, (t) => w.get(t)!),
    concepts: terms.map((t) => CONCEPTS[t]),
  };
  vectorTermsCache.set(w, v);
  return v;
}

// Scratch for softAlign's statement side (reused: the engine compares thousands of pairs per page).
let scratchIdx = new Int32Array(128);
let scratchBest = new Float64Array(128);

/**
 * Terms of one side missing from the other, aligned to their closest word there in meaning (word
 * vectors, or the same concept group): the mass each side gains and the pairs aligned. Iteration and
 * summation orders are fixed (the term maps' order), so the numbers are reproducible.
 */
function softAlign(
  wa: Map<string, number>,
  wb: Map<string, number>,
  vectors: WordVectors | null | undefined,
): { massA: number; massB: number; aligned: [string, string, number][] } {
  const aligned: [string, string, number][] = [];
  if (!vectors) return { massA: 0, massB: 0, aligned };
  const A = vectorTerms(wa, vectors),
    B = vectorTerms(wb, vectors);
  if (B.terms.length > scratchIdx.length) {
    scratchIdx = new Int32Array(B.terms.length * 2);
    scratchBest = new Float64Array(B.terms.length * 2);
  }
  // onlyB[k] = index into B of the k-th statement word the page lacks.
  const onlyB = scratchIdx,
    bestForB = scratchBest;
  let nB = 0;
  for (let j = 0; j < B.terms.length; j++) {
    if (wa.has(B.terms[j]!)) continue;
    onlyB[nB] = j;
    bestForB[nB] = 0;
    nB++;
  }
  if (!nB) return { massA: 0, massB: 0, aligned };
  let massA = 0;
  for (let i = 0; i < A.terms.length; i++) {
    const ta = A.terms[i]!;
    if (wb.has(ta)) continue;
    const ia = A.rows[i]!;
    const concept = A.concepts[i];
    if (ia < 0 && !concept) continue;
    let best = 0,
      bestK = -1;
    for (let k = 0; k < nB; k++) {
      const j = onlyB[k]!;
      const cos = vectors.cosine(ia, B.rows[j]!);
      const c = concept !== undefined && B.concepts[j] === concept ? Math.max(CONCEPT_ALIGN, cos) : cos;
      if (c > bestForB[k]!) bestForB[k] = c;
      if (c > best) {
        best = c;
        bestK = k;
      }
    }
    if (best >= SOFT_MIN) {
      massA += A.weights[i]! * best;
      aligned.push([ta, B.terms[onlyB[bestK]!]!, best]);
    }
  }
  let massB = 0;
  for (let k = 0; k < nB; k++) if (bestForB[k]! >= SOFT_MIN) massB += B.weights[onlyB[k]!]! * bestForB[k]!;
  return { massA, massB, aligned };
}

/** All the evidence for a pair; idf weights terms by how rare they are in the corpus. */
export function comparePair(a: Analysis, b: Analysis, ctx: CompareContext | IdfFn): PairEvidence {
  const { idf, vectors } = typeof ctx === 'function' ? { idf: ctx, vectors: null } : ctx;
  const wa = termWeights(a, idf);
  const wb = termWeights(b, idf);
  let dot = 0,
    na = 0,
    nb = 0;
  const shared: [string, number][] = [];
  for (const [t, w] of wa) {
    na += w * w;
    const v = wb.get(t);
    if (v !== undefined) {
      dot += w * v;
      shared.push([t, w]);
    }
  }
  for (const w of wb.values()) nb += w * w;
  let massA = 0,
    massB = 0,
    massShared = 0;
  for (const w of wa.values()) massA += w;
  for (const w of wb.values()) massB += w;
  for (const [, w] of shared) massShared += w;
  shared.sort((x, y) => y[1] - x[1]);
  const sim = na && nb ? dot / Math.sqrt(na * nb) : 0;
  const soft = softAlign(wa, wb, vectors);
  const softCoverA = massA ? Math.min(1, (massShared + soft.massA) / massA) : 0;
  const softCoverB = massB ? Math.min(1, (massShared + soft.massB) / massB) : 0;
  const softSim = softCoverA + softCoverB ? (2 * softCoverA * softCoverB) / (softCoverA + softCoverB) : 0;

  const sameFigures: [Figure, Figure][] = [];
  const diffFigures: [Figure, Figure][] = [];
  // Two figures measure the same thing only when the words around them meet (exactly or in meaning).
  let alignedPairs: Set<string> | null = null;
  const isAligned = (x: string, y: string) => (alignedPairs ??= new Set(soft.aligned.map(([p, q]) => `${p}|${q}`))).has(`${x}|${y}`);
  // Hours and years do not measure the same thing ("nine hours" of talks, "three years" of war).
  const scale = (f: Figure) => (f.kind === 'duration' ? (f.unit === 'hour' || f.unit === 'minute' ? 'short' : 'long') : f.kind);
  const sameThing = (fa: Figure, fb: Figure) => {
    if (scale(fa) !== scale(fb)) return false;
    const ca = fa.context ?? [],
      cb = fb.context ?? [];
    return ca.some(
      (x) =>
        cb.includes(x) ||
        cb.some((y) => isAligned(x, y) || (vectors ? vectors.cosine(vectors.id(x), vectors.id(y)) >= FIGURE_CONTEXT_MIN : false)),
    );
  };
  for (const fa of a.figures) {
    if (fa.kind === 'year' || fa.kind === 'date') continue;
    for (const fb of b.figures) {
      if (!sameQuantity(fa, fb)) continue;
      if (sameValue(fa, fb)) sameFigures.push([fa, fb]);
      else if (sameThing(fa, fb)) diffFigures.push([fa, fb]);
    }
  }

  // Terms matched by meaning count as common ground for negations too ("fixed" ~ "set").
  // (Built only for a side that has a negation cue: most pairs have none.)
  const ground = (forward: boolean) => {
    const g = new Map<string, string>();
    for (const [t] of shared) g.set(t, t);
    for (const [x, y] of soft.aligned) {
      if (forward) g.set(x, y);
      else g.set(y, x);
    }
    return g;
  };
  let negationA = a.cues.length ? negationOn(a, ground(true), wb, massB) : null;
  let negationB = b.cues.length ? negationOn(b, ground(false), wa, massA) : null;
  // Both sides negate the same ground: they agree ("no date set" vs "no date has been set").
  if (negationA && negationB) {
    negationA = null;
    negationB = null;
  }

  let antonyms: [string, string] | null = null;
  // (wa and wb hold each side's distinct terms.)
  for (const [x, y] of ANTONYMS) {
    if ((wa.has(x) && wb.has(y)) || (wa.has(y) && wb.has(x))) {
      antonyms = wa.has(x) ? [x, y] : [y, x];
      break;
    }
  }

  let attendeeClash: PairEvidence['attendeeClash'] = null;
  if (hasAttendanceFrame(a) && hasAttendanceFrame(b)) {
    const people = (x: Analysis) => x.entities.filter((e) => ENTITY_BY_ID.get(e)?.type === 'person');
    const pa = people(a),
      pb = people(b);
    const onlyA = pa.filter((p) => !pb.includes(p));
    if (onlyA.length && pb.length && pa.some((p) => pb.includes(p)) === false) attendeeClash = { page: onlyA, statement: pb };
  }

  return {
    sim,
    soft: softSim,
    softCoverA,
    softCoverB,
    aligned: soft.aligned.map(([x, y]) => [x, y]),
    coverA: massA ? massShared / massA : 0,
    coverB: massB ? massShared / massB : 0,
    shared: shared.map(([t]) => t),
    sharedEntities: shared
      .map(([t]) => t)
      .filter((t) => t.startsWith('@'))
      .map((t) => t.slice(1)),
    sameFigures,
    diffFigures,
    negationA,
    negationB,
    antonyms,
    attendeeClash,
  };
}
