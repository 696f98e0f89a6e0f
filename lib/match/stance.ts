// The stance of a corpus statement towards a page sentence, decided from explicit evidence:
// enough shared claim to be about the same point, then a clash (different figure, one side denies,
// opposite words, another attendee) makes it a conflict, agreement makes it a corroboration.
import type { PairEvidence } from './compare';
import type { Stance } from './types';

export interface StanceParams {
  /** Minimum similarity to be about the same point at all. */
  related: number;
  /** Minimum similarity (and coverage of the shorter side) to corroborate. */
  corroborate: number;
  cover: number;
  /** Minimum similarity for a clash to count as a conflict. */
  conflict: number;
  /** Extra similarity a shared figure is worth. */
  figureBonus: number;
}

export const DEFAULT_PARAMS: StanceParams = { related: 0.18, corroborate: 0.36, cover: 0.4, conflict: 0.22, figureBonus: 0.15 };

export type Clash =
  | { kind: 'figure' }
  | { kind: 'negation'; side: 'page' | 'statement'; cue: string; on: string[] }
  | { kind: 'antonym'; words: [string, string] }
  | { kind: 'attendee'; page: string[]; statement: string[] };

export interface StanceDecision {
  stance: Stance | 'unrelated';
  score: number;
  clash: Clash | null;
}

/** The first clash in order of how clearly it contradicts. */
export function findClash(e: PairEvidence): Clash | null {
  if (e.diffFigures.length && !e.sameFigures.length) return { kind: 'figure' };
  if (e.negationB) return { kind: 'negation', side: 'statement', ...e.negationB };
  if (e.negationA) return { kind: 'negation', side: 'page', ...e.negationA };
  if (e.antonyms) return { kind: 'antonym', words: e.antonyms };
  if (e.attendeeClash) return { kind: 'attendee', ...e.attendeeClash };
  return null;
}

/** Decides the stance of one pair. */
export function decideStance(e: PairEvidence, p: StanceParams = DEFAULT_PARAMS): StanceDecision {
  const sim = e.sim + (e.sameFigures.length ? p.figureBonus : 0);
  const score = Math.min(1, Math.round(sim * 1000) / 1000);
  if (sim < Math.min(p.related, p.conflict)) return { stance: 'unrelated', score, clash: null };
  const clash = findClash(e);
  if (clash && sim >= p.conflict) return { stance: 'conflicts', score, clash };
  if (sim < p.related) return { stance: 'unrelated', score, clash: null };
  const cover = Math.max(e.coverA, e.coverB);
  if (!clash && sim >= p.corroborate && cover >= p.cover) return { stance: 'corroborates', score, clash: null };
  return { stance: 'related', score, clash };
}
