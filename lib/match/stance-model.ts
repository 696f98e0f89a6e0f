// The learned combination: a small gradient-boosted model (fit offline by scripts/train-stance.ts on
// the labelled development pages and corpus pairs) says whether a pair makes the same claim; the
// explicit clash evidence then decides conflict versus corroboration, and supplies the reason.
import type { GbdtModel } from './gbdt';
import { predictProbaInto } from './gbdt';
import type { PairEvidence } from './compare';
import type { Analysis } from '../text/analyze';
import { findClash, type StanceDecision } from './stance';
import { pairFeatures, type PairContextInfo } from './pair-features';

export interface StanceModelFile {
  /** Classes none, related, corroborates, conflicts. */
  model: GbdtModel;
  /** Probability of corroborates at or above which a match is listed as corroborating. */
  corroborates: number;
  /** Probability of "same point" (anything but none) at or above which a pair with explicit clash evidence is listed as conflicting. */
  conflicts: number;
  /** Probability of anything but none at or above which a match is listed as related. */
  related: number;
  meta: Record<string, unknown>;
}

export const STANCE_CLASSES = ['none', 'related', 'corroborates', 'conflicts'] as const;

export interface StanceProbabilities {
  related: number;
  corroborates: number;
  conflicts: number;
  clash: ReturnType<typeof findClash>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const FIGURE_CONFLICT_MIN = 0.3;

/** Listing rule shared by the engine and training: thresholds on the probabilities, clash required for conflicts. */
export function decideFromProbabilities(p: StanceProbabilities, t: { corroborates: number; conflicts: number; related: number }): StanceDecision {
  // A conflict needs both: the two make the same point (learned), and explicit clash evidence (the reason).
  // Different figures for the same measured thing are the most reliable clash (measured on the dev
  // pages: about half of them are real conflicts, against a few percent for negations), so they need
  // less agreement on the point; other clashes need the stricter threshold.
  const near = p.related + p.corroborates + p.conflicts;
  const needed = p.clash?.kind === 'figure' ? Math.min(t.conflicts, FIGURE_CONFLICT_MIN) : t.conflicts;
  if (p.clash && near >= needed) return { stance: 'conflicts', score: round(near), clash: p.clash };
  if (p.corroborates >= t.corroborates) return { stance: 'corroborates', score: round(p.corroborates), clash: null };
  if (near >= t.related) return { stance: 'related', score: round(near), clash: p.clash };
  return { stance: 'unrelated', score: round(near), clash: null };
}

export class StanceModel {
  private readonly out = new Float64Array(4);
  private readonly idx: number[];

  constructor(readonly file: StanceModelFile) {
    this.idx = STANCE_CLASSES.map((c) => file.model.classes.indexOf(c));
  }

  /** Class probabilities of a pair, with the clash evidence found. */
  probabilities(e: PairEvidence, a: Analysis, b: Analysis, info: PairContextInfo): StanceProbabilities {
    const clash = findClash(e);
    predictProbaInto(this.file.model, pairFeatures(e, a, b, info, clash), this.out);
    return { related: this.out[this.idx[1]!]!, corroborates: this.out[this.idx[2]!]!, conflicts: this.out[this.idx[3]!]!, clash };
  }

  /** Stance of a pair from the model's probabilities and the clash evidence. */
  decide(e: PairEvidence, a: Analysis, b: Analysis, info: PairContextInfo): StanceDecision {
    return decideFromProbabilities(this.probabilities(e, a, b, info), this.file);
  }
}
