// The learned combination: a small gradient-boosted model (fit offline by tools/train-stance.ts on
// the labelled development pages and corpus pairs) says whether a pair makes the same point and
// whether it corroborates; claim frames (lib/claims/) decide conflicts and supply the reason.
import type { GbdtModel } from './gbdt';
import { predictProbaInto } from './gbdt';
import type { PairEvidence } from './compare';
import type { Analysis } from '../text/analyze';
import { applyClaims, findClash, type StanceDecision } from './stance';
import type { ClaimLink } from '../claims';
import { pairFeatures, type PairContextInfo } from './pair-features';
import { StatementLex, type StatementLexFile } from './statement-lex';

export interface StanceModelFile {
  /** Classes none, related, corroborates, conflicts. */
  model: GbdtModel;
  /** Probability of corroborates at or above which a match is listed as corroborating. */
  corroborates: number;
  /** Probability of anything but none at or above which a match is listed as related. */
  related: number;
  /** A clash of claim frames is listed as a conflict only at or above this probability of conflicts (0: always). */
  conflicts?: number;
  /** Agreeing claim frames list a corroboration below `corroborates` only at or above this probability (0: always). */
  agree?: number;
  /** Per-statement lexical models (statement-lex.ts), when the model was fit with them. */
  lex?: StatementLexFile;
  meta: Record<string, unknown>;
}

export const STANCE_CLASSES = ['none', 'related', 'corroborates', 'conflicts'] as const;

export interface StanceProbabilities {
  related: number;
  corroborates: number;
  conflicts: number;
  /** Word-level clash evidence (a feature of the model, not a verdict on its own). */
  clash: ReturnType<typeof findClash>;
  /** Claim frames the pair shares (lib/claims/). */
  claims?: readonly ClaimLink[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Listing rule shared by the engine and training. The model says whether a pair makes the same point
 * and whether it corroborates; a conflict is listed only on a clash of claim frames (applyClaims),
 * because word-level clashes alone (a "not" near shared words, opposite words, a different figure)
 * were wrong far more often than right on the development pages.
 */
export function decideFromProbabilities(
  p: StanceProbabilities,
  t: { corroborates: number; related: number; conflicts?: number; agree?: number },
): StanceDecision {
  const near = p.related + p.corroborates + p.conflicts;
  let d: StanceDecision;
  if (p.corroborates >= t.corroborates) d = { stance: 'corroborates', score: round(p.corroborates), clash: null };
  else if (near >= t.related) d = { stance: 'related', score: round(near), clash: p.clash };
  else d = { stance: 'unrelated', score: round(near), clash: null };
  const withClaims = applyClaims(d, p.claims);
  // The claim frames' verdict stands only where the learned model finds it plausible: on real text a
  // frame misread ("Europe took part" from "neither Ukraine nor any European countries have been
  // invited") would otherwise list a false conflict.
  if (withClaims.stance === 'conflicts' && d.stance !== 'conflicts' && p.conflicts < (t.conflicts ?? 0))
    return d.stance === 'unrelated' ? { ...d, stance: 'related' } : d;
  if (withClaims.stance === 'corroborates' && d.stance !== 'corroborates' && p.corroborates < (t.agree ?? 0)) return d;
  return withClaims;
}

export class StanceModel {
  private readonly out = new Float64Array(4);
  private readonly idx: number[];

  /** The per-statement lexical models, or null when the model has none. */
  readonly lex: StatementLex | null;

  constructor(readonly file: StanceModelFile) {
    this.idx = STANCE_CLASSES.map((c) => file.model.classes.indexOf(c));
    this.lex = file.lex ? new StatementLex(file.lex) : null;
  }

  /** Class probabilities of a pair, with the clash evidence and claim links found. */
  probabilities(e: PairEvidence, a: Analysis, b: Analysis, info: PairContextInfo): StanceProbabilities {
    const clash = findClash(e);
    predictProbaInto(this.file.model, pairFeatures(e, a, b, info, clash), this.out);
    return {
      related: this.out[this.idx[1]!]!,
      corroborates: this.out[this.idx[2]!]!,
      conflicts: this.out[this.idx[3]!]!,
      clash,
      claims: info.claims ?? [],
    };
  }

  /** Stance of a pair from the model's probabilities and the claim frames. */
  decide(e: PairEvidence, a: Analysis, b: Analysis, info: PairContextInfo): StanceDecision {
    return decideFromProbabilities(this.probabilities(e, a, b, info), this.file);
  }
}
