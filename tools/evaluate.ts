// Scores engine output against the gold set: per-stance precision, recall and F1 over listed
// matches, and the coverage gate's accuracy. Pure: the caller runs the engine and passes reports.
import type { Stance, XrefReport } from '../lib/core/report';
import { comparisonKey } from '../lib/text/normalize';
import { splitDateline } from '../lib/corpus/parse';
import { mulberry32 } from './gbdt-train';

export interface GoldExpectation {
  paragraphContains: string;
  stance: Stance;
  source: string;
  statementContains: string;
  note?: string;
}

export interface GoldPage {
  name: string;
  kind: 'coverage' | 'near-miss';
  split: 'dev' | 'holdout';
  expect: GoldExpectation[];
  related?: GoldExpectation[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

export interface PageErrors {
  page: string;
  missed: { paragraph: number; stance: Stance; source: string; statement: string }[];
  spurious: { paragraph: number; stance: Stance; source: string; statement: string; reason: string }[];
}

export interface PageScore {
  counts: Record<'corroborates' | 'conflicts', Counts>;
  /** The same counts per paragraph (index in the report), for resampling paragraphs (bootstrapF1). */
  paragraphs: Record<'corroborates' | 'conflicts', Counts>[];
  gateCorrect: boolean;
  /** Corroborating or conflicting matches listed on a near-miss page (should be 0). */
  nearMissMatches: number;
  errors: PageErrors;
}

const key = (s: string) => comparisonKey(s);

/** A gold statement excerpt as the corpus statements hold it (statements drop an opening dateline). */
function excerptKey(text: string): string {
  return key(splitDateline(text)?.rest ?? text);
}

/**
 * Scores one page's report. Gold expectations are mapped to the corpus statements that contain them,
 * so two excerpts of one statement count once; statements gold lists as "related" are neither
 * rewarded nor penalised as corroborations.
 */
export function scorePage(
  gold: GoldPage,
  report: XrefReport,
  statements: readonly { id: string; text: string; source: string }[] = [],
): PageScore {
  const counts = { corroborates: { tp: 0, fp: 0, fn: 0 }, conflicts: { tp: 0, fp: 0, fn: 0 } };
  const paragraphs = report.paragraphs.map(() => ({ corroborates: { tp: 0, fp: 0, fn: 0 }, conflicts: { tp: 0, fp: 0, fn: 0 } }));
  const count = (i: number, s: 'corroborates' | 'conflicts', field: keyof Counts) => {
    counts[s][field]++;
    const p = paragraphs[i];
    if (p) p[s][field]++;
  };
  const errors: PageErrors = { page: gold.name, missed: [], spurious: [] };
  const paraOf = (contains: string) => report.paragraphs.findIndex((p) => key(p.text).includes(key(contains)));
  const listed = report.paragraphs.flatMap((p, i) => p.matches.filter((m) => m.stance !== 'related').map((m) => ({ i, m })));
  if (gold.kind === 'near-miss') {
    return { counts, paragraphs, gateCorrect: !report.coverage.isCoverage, nearMissMatches: listed.length, errors };
  }
  const statementOf = (g: GoldExpectation) =>
    statements.find((s) => s.source === g.source && key(s.text).includes(excerptKey(g.statementContains)))?.text ?? g.statementContains;
  // Unique gold claims: paragraph × statement × stance.
  const expected = new Map<string, { g: GoldExpectation; i: number; statement: string }>();
  for (const g of gold.expect) {
    if (g.stance !== 'corroborates' && g.stance !== 'conflicts') continue;
    const i = paraOf(g.paragraphContains);
    const statement = statementOf(g);
    expected.set(`${i}|${g.source}|${key(statement)}|${g.stance}`, { g, i, statement });
  }
  const related = new Set((gold.related ?? []).map((g) => `${paraOf(g.paragraphContains)}|${g.source}|${key(statementOf(g))}`));
  const found = new Set<string>();
  for (const { i, m } of listed) {
    const s = m.stance as 'corroborates' | 'conflicts';
    const k = `${i}|${m.sourceId}|${key(m.statement)}|${s}`;
    if (expected.has(k)) {
      count(i, s, 'tp');
      found.add(k);
      continue;
    }
    if (s === 'corroborates' && related.has(`${i}|${m.sourceId}|${key(m.statement)}`)) continue;
    count(i, s, 'fp');
    errors.spurious.push({ paragraph: i, stance: s, source: m.sourceId, statement: m.statement, reason: m.reason });
  }
  for (const [k, e] of expected) {
    if (found.has(k)) continue;
    const s = e.g.stance as 'corroborates' | 'conflicts';
    count(e.i, s, 'fn');
    errors.missed.push({ paragraph: e.i, stance: s, source: e.g.source, statement: e.statement });
  }
  return { counts, paragraphs, gateCorrect: report.coverage.isCoverage, nearMissMatches: 0, errors };
}

/**
 * A 95% interval for F1 by the percentile bootstrap over paragraphs (the unit a page is written in):
 * `rounds` resamples, with replacement, of the paragraphs' counts. Seeded, so reruns print the same
 * interval. Paragraphs with no count (nothing expected, nothing listed) are left out: they move no F1.
 */
export function bootstrapF1(paragraphs: readonly Counts[], rounds = 2000, seed = 1): { low: number; high: number } {
  const cells = paragraphs.filter((c) => c.tp + c.fp + c.fn > 0);
  if (!cells.length) return { low: 1, high: 1 };
  const random = mulberry32(seed);
  const f1 = new Float64Array(rounds);
  for (let r = 0; r < rounds; r++) {
    let tp = 0,
      fp = 0,
      fn = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[Math.floor(random() * cells.length)]!;
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
    f1[r] = prf({ tp, fp, fn }).f1;
  }
  f1.sort();
  return { low: f1[Math.floor(0.025 * (rounds - 1))]!, high: f1[Math.ceil(0.975 * (rounds - 1))]! };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export type PairLabel = Stance | 'unrelated';
export const PAIR_LABELS: PairLabel[] = ['corroborates', 'conflicts', 'related', 'unrelated'];

/** Confusion matrix [gold][predicted] and per-label P/R/F1 for labelled pairs. */
export function scorePairs(pairs: { gold: PairLabel; predicted: PairLabel }[]): {
  confusion: Record<PairLabel, Record<PairLabel, number>>;
  perLabel: Record<PairLabel, Prf>;
  accuracy: number;
} {
  const confusion = Object.fromEntries(PAIR_LABELS.map((g) => [g, Object.fromEntries(PAIR_LABELS.map((p) => [p, 0]))])) as Record<
    PairLabel,
    Record<PairLabel, number>
  >;
  for (const p of pairs) confusion[p.gold][p.predicted]++;
  const perLabel = Object.fromEntries(
    PAIR_LABELS.map((l) => {
      const tp = confusion[l][l];
      const fp = PAIR_LABELS.reduce((n, g) => n + (g === l ? 0 : confusion[g][l]), 0);
      const fn = PAIR_LABELS.reduce((n, q) => n + (q === l ? 0 : confusion[l][q]), 0);
      return [l, prf({ tp, fp, fn })];
    }),
  ) as Record<PairLabel, Prf>;
  const right = PAIR_LABELS.reduce((n, l) => n + confusion[l][l], 0);
  return { confusion, perLabel, accuracy: pairs.length ? right / pairs.length : 1 };
}
