// The stance of a corpus statement towards a page sentence, decided from explicit evidence (the rule
// used when no learned model is loaded): enough shared claim to be about the same point, agreement
// makes it a corroboration; a clash of claim frames (applyClaims) makes it a conflict. Word-level
// clashes (a different figure, one side denies, opposite words, another attendee) are kept as
// evidence and features, but alone they do not make a conflict: on the development pages they were
// wrong far more often than right.
import type { PairEvidence } from './compare';
import type { Stance } from '../core/report';
import { bestLink, claimKey, type ClaimLink } from '../claims';

export interface StanceParams {
  /** Minimum similarity to be about the same point at all. */
  related: number;
  /** Minimum similarity (and coverage of the shorter side) to corroborate. */
  corroborate: number;
  cover: number;
  /** Extra similarity a shared figure is worth. */
  figureBonus: number;
}

export const DEFAULT_PARAMS: StanceParams = { related: 0.18, corroborate: 0.36, cover: 0.4, figureBonus: 0.15 };

export type Clash =
  | { kind: 'figure' }
  | { kind: 'negation'; side: 'page' | 'statement'; cue: string; on: string[] }
  | { kind: 'antonym'; words: [string, string] }
  | { kind: 'attendee'; page: string[]; statement: string[] }
  | { kind: 'claim'; link: ClaimLink };

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

/** Decides the stance of one pair from its word-level evidence (claims are applied by applyClaims). */
export function decideStance(e: PairEvidence, p: StanceParams = DEFAULT_PARAMS): StanceDecision {
  const sim = e.sim + (e.sameFigures.length ? p.figureBonus : 0);
  const score = Math.min(1, Math.round(sim * 1000) / 1000);
  if (sim < p.related) return { stance: 'unrelated', score, clash: null };
  const clash = findClash(e);
  const cover = Math.max(e.coverA, e.coverB);
  if (!clash && sim >= p.corroborate && cover >= p.cover) return { stance: 'corroborates', score, clash: null };
  return { stance: 'related', score, clash };
}

/** The clash of claim frames that decides a conflict: one not offset by agreement on the same frame. */
export function claimClash(links: readonly ClaimLink[]): ClaimLink | null {
  const offset = (l: ClaimLink) => links.some((m) => m.relation === 'agree' && claimKey(m.page) === claimKey(l.page));
  return (
    bestLink(
      links.filter((l) => l.relation === 'clash' && !offset(l)),
      'clash',
    ) ?? null
  );
}

/**
 * Claim frames outrank the word-level decision: the same frame with opposite values is a conflict
 * (typed, explainable evidence), the same frame with the same value corroborates.
 */
export function applyClaims(d: StanceDecision, links: readonly ClaimLink[] | undefined): StanceDecision {
  if (!links?.length) return d;
  const clash = claimClash(links);
  if (clash) return { stance: 'conflicts', score: Math.max(d.score, 0.5), clash: { kind: 'claim', link: clash } };
  if (d.stance !== 'corroborates' && links.some((l) => l.relation === 'agree'))
    return { stance: 'corroborates', score: Math.max(d.score, 0.5), clash: null };
  return d;
}
