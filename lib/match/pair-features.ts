// The numbers a learned model sees for one (page sentence, corpus statement) pair — all read off
// the explicit evidence (lib/match/compare.ts), so the model only learns how much each counts.
import type { PairEvidence } from './compare';
import type { Clash } from './stance';
import type { Analysis } from '../text/analyze';
import { ENTITY_BY_ID } from '../text/aliases';
import type { ClaimLink } from '../claims';

export const PAIR_FEATURES = [
  'soft',
  'softCoverPage',
  'softCoverStatement',
  'sim',
  'coverPage',
  'coverStatement',
  'sharedPeople',
  'sharedEntities',
  'entityJaccard',
  'sharedTerms',
  'sameFigure',
  'diffFigure',
  'clashFigure',
  'clashNegStatement',
  'clashNegPage',
  'clashAntonym',
  'clashAttendee',
  'negatedShared',
  'pageTerms',
  'statementTerms',
  'sameSpeaker',
  'retrievalRank',
  'paragraphSentences',
  'paragraphSoft',
  'paragraphCoverStatement',
  'retrievalScore',
  'claimAgree',
  'claimClash',
  'pageNegation',
  'statementNegation',
  'pageHedges',
  'statementHedges',
  'pageModal',
  'statementModal',
  'lexScore',
] as const;

// Words that make a sentence something other than a report of what happened: a plan, a forecast, a
// condition, an obligation or a state still under way. A generic lexical resource (no event words):
// the model learns how much a claim in such a sentence counts.
const MODAL = new Set([
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'if',
  'unless',
  'whether',
  'expected',
  'expect',
  'expects',
  'plan',
  'plans',
  'planned',
  'set',
  'scheduled',
  'upcoming',
  'ongoing',
  'underway',
  'hope',
  'hopes',
  'aim',
  'aims',
  'intend',
  'intends',
  'likely',
  'unlikely',
  'until',
  'once',
  'ahead',
  'tomorrow',
  'later',
]);
const modalCount = (a: Analysis) => {
  let n = 0;
  for (const w of a.words) if (MODAL.has(w)) n++;
  return Math.min(n, 3);
};

export interface PairContextInfo {
  /** Rank of the statement among the paragraph's retrieved candidates (0 = best). */
  rank: number;
  sentences: number;
  pageSpeaker: string | null;
  statementSpeaker: string | null;
  /** Soft agreement of the whole paragraph with the statement, and how much of the statement it covers. */
  paragraphSoft?: number;
  paragraphCoverStatement?: number;
  /** BM25 score relative to the paragraph's best candidate (1 = best). */
  retrievalScore?: number;
  /** Claim frames shared by the paragraph and the statement. */
  claims?: readonly ClaimLink[];
  /** The statement's own lexical model on the paragraph's terms (statement-lex.ts); NaN without one. */
  lexScore?: number;
}

// Each text's distinct terms and entities (remembered: a statement meets many page sentences).
const setsCache = new WeakMap<Analysis, { terms: number; entities: Set<string> }>();
function setsOf(a: Analysis): { terms: number; entities: Set<string> } {
  let hit = setsCache.get(a);
  if (!hit) setsCache.set(a, (hit = { terms: new Set(a.terms).size, entities: new Set(a.entities) }));
  return hit;
}

/** Feature vector in the order of PAIR_FEATURES. */
export function pairFeatures(e: PairEvidence, a: Analysis, b: Analysis, info: PairContextInfo, clash: Clash | null): Float64Array {
  const sa = setsOf(a),
    sb = setsOf(b);
  const ea = sa.entities,
    eb = sb.entities;
  let inter = 0;
  for (const x of ea) if (eb.has(x)) inter++;
  const union = ea.size + eb.size - inter;
  const people = e.sharedEntities.filter((id) => ENTITY_BY_ID.get(id)?.type === 'person').length;
  return Float64Array.from([
    e.soft,
    e.softCoverA,
    e.softCoverB,
    e.sim,
    e.coverA,
    e.coverB,
    people,
    e.sharedEntities.length,
    union ? inter / union : 0,
    e.shared.length,
    e.sameFigures.length ? 1 : 0,
    e.diffFigures.length ? 1 : 0,
    clash?.kind === 'figure' ? 1 : 0,
    clash?.kind === 'negation' && clash.side === 'statement' ? 1 : 0,
    clash?.kind === 'negation' && clash.side === 'page' ? 1 : 0,
    clash?.kind === 'antonym' ? 1 : 0,
    clash?.kind === 'attendee' ? 1 : 0,
    clash?.kind === 'negation' ? clash.on.length : 0,
    sa.terms,
    sb.terms,
    info.pageSpeaker && info.pageSpeaker === info.statementSpeaker ? 1 : 0,
    info.rank,
    info.sentences,
    info.paragraphSoft ?? e.soft,
    info.paragraphCoverStatement ?? e.softCoverB,
    info.retrievalScore ?? 1,
    info.claims?.some((l) => l.relation === 'agree') ? 1 : 0,
    info.claims?.some((l) => l.relation === 'clash') ? 1 : 0,
    Math.min(a.cues.length, 3),
    Math.min(b.cues.length, 3),
    Math.min(a.hedges, 3),
    Math.min(b.hedges, 3),
    modalCount(a),
    modalCount(b),
    info.lexScore ?? Number.NaN,
  ]);
}
