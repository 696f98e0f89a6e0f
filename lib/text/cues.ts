// Negation, refutation and hedging cues, with the words each one scopes over.
// Input: canonical tokens (tokenize.ts). Output: the cues found and the stems they deny, which the
// stance step compares across two texts ("sanctions relief 'not at all' on the agenda" vs "agreed").
import { stem, isContentWord } from './stem';

/** Multi-word cues first so "not at all" wins over "not". Values are the label shown in reasons. */
const NEGATION_PHRASES: readonly [string[], string][] = [
  [['not', 'at', 'all'], 'not at all'],
  [['no', 'date', 'has', 'been', 'set'], 'no date has been set'],
  [['no', 'date', 'was', 'set'], 'no date was set'],
  [['no', 'longer'], 'no longer'],
  [['ruled', 'out'], 'ruled out'],
  [['rule', 'out'], 'ruled out'],
  [['rules', 'out'], 'ruled out'],
  [['played', 'down'], 'played down'],
];
// "not only … but", "not merely": emphasis, not denial.
const NOT_NEGATING_NEXT = new Set(['only', 'merely', 'just', 'simply', 'least', 'least']);

const NEGATION_WORDS = new Set([
  'not',
  'no',
  'never',
  'none',
  'neither',
  'nor',
  'nobody',
  'nothing',
  'without',
  'cannot',
  'absent',
  'absence',
]);
const REFUTATION_WORDS = new Set([
  'deny',
  'denied',
  'denies',
  'denying',
  'denial',
  'reject',
  'rejected',
  'rejects',
  'refute',
  'refuted',
  'refutes',
  'dismiss',
  'dismissed',
  'dismisses',
  'false',
  'fake',
  'hoax',
  'debunk',
  'debunked',
  'untrue',
  'unlikely',
  'contradict',
  'contradicted',
  'disputed',
  'dispute',
  'excluded',
  'excludes',
  'exclude',
  'barred',
  'uninvited',
]);
const HEDGE_WORDS = new Set([
  'reportedly',
  'allegedly',
  'alleged',
  'claim',
  'claims',
  'claimed',
  'purportedly',
  'rumor',
  'rumors',
  'rumour',
  'rumours',
  'unconfirmed',
  'unverified',
  'suspected',
  'may',
  'might',
  'could',
  'possibly',
  'potential',
  'expected',
  'apparently',
  'supposedly',
  'speculation',
  'speculated',
  'believed',
]);

export interface CueHit {
  /** Label of the cue as a reader would say it ("not at all"). */
  cue: string;
  kind: 'negation' | 'refutation';
  /** Stems of the content words in the cue's scope. */
  scope: string[];
  /** Token indices of those words (so callers can map them to their own terms, e.g. entities). */
  scopeAt: number[];
  /** Token index of the cue. */
  at: number;
}

const SCOPE_AFTER = 6;
const SCOPE_BEFORE = 4;
// Scope stops at words that start a new clause.
const CLAUSE_BREAKS = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'because', 'since', 'and']);

function scopeAfter(tokens: readonly string[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < Math.min(to, tokens.length); i++) {
    const w = tokens[i]!;
    if (CLAUSE_BREAKS.has(w)) break;
    if (isContentWord(w) && !NEGATION_WORDS.has(w)) out.push(i);
  }
  return out;
}

function scopeBefore(tokens: readonly string[], at: number, max = SCOPE_BEFORE): number[] {
  const out: number[] = [];
  for (let i = at - 1; i >= 0 && i >= at - max; i--) {
    const w = tokens[i]!;
    if (CLAUSE_BREAKS.has(w)) break;
    if (isContentWord(w)) out.push(i);
  }
  return out;
}

function hit(tokens: readonly string[], cue: string, kind: CueHit['kind'], at: number, scopeAt: number[]): CueHit {
  return { cue, kind, at, scopeAt, scope: scopeAt.map((i) => stem(tokens[i]!)) };
}

/** Negation and refutation cues in a token list, each with the stems it applies to. */
export function findCues(tokens: readonly string[]): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let matched: [number, string] | null = null;
    for (const [phrase, label] of NEGATION_PHRASES) {
      if (phrase.every((w, k) => tokens[i + k] === w)) {
        matched = [phrase.length, label];
        break;
      }
    }
    if (matched) {
      const [len, label] = matched;
      // "X was 'not at all' part of the agenda": the denied thing is usually the subject before the cue;
      // a phrase's own content words ("no date has been set") are denied too.
      const own = Array.from({ length: len }, (_, k) => i + k).filter((k) => isContentWord(tokens[k]!) && !NEGATION_WORDS.has(tokens[k]!));
      const scope = [...scopeBefore(tokens, i), ...own, ...scopeAfter(tokens, i + len, i + len + SCOPE_AFTER)];
      hits.push(hit(tokens, label, label === 'ruled out' || label === 'played down' ? 'refutation' : 'negation', i, scope));
      i += len - 1;
      continue;
    }
    const w = tokens[i]!;
    if (w === 'not' && NOT_NEGATING_NEXT.has(tokens[i + 1] ?? '')) continue;
    if (NEGATION_WORDS.has(w)) {
      // "not" after an auxiliary negates the predicate that follows; include the subject for short clauses.
      const scope = [
        ...scopeAfter(tokens, i + 1, i + 1 + SCOPE_AFTER),
        ...(w === 'no' || w === 'without' ? [] : scopeBefore(tokens, i, 2)),
      ];
      hits.push(hit(tokens, w, 'negation', i, scope));
    } else if (REFUTATION_WORDS.has(w)) {
      const scope = [...scopeBefore(tokens, i), ...scopeAfter(tokens, i + 1, i + 1 + SCOPE_AFTER)];
      hits.push(hit(tokens, w, 'refutation', i, scope));
    }
  }
  return hits;
}

/** Number of hedging words ("reportedly", "could", "claimed"): reporting without asserting. */
export function countHedges(tokens: readonly string[]): number {
  let n = 0;
  for (const w of tokens) if (HEDGE_WORDS.has(w)) n++;
  return n;
}

export { NEGATION_WORDS, REFUTATION_WORDS, HEDGE_WORDS };
