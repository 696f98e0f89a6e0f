// Reasons a reader understands, built from the same evidence the stance was decided on. Each reason is
// data — a kind (a short sentence template) and its slots, most of them words quoted from the two
// texts — so the popup, the markers and the Markdown export can render it in the reader's language
// (public/_locales, lib/view/reason.ts); `Match.reason` is its English rendering, printed by the CLI:
// "Both give the same figure: “nearly four and a half hours”", "Dmitriev denies it: “…”".
import type { ReasonData } from '../core/report';
import type { Analysis } from '../text/analyze';
import type { PairEvidence } from './compare';
import type { StanceDecision } from './stance';
import { ENTITY_BY_ID } from '../text/aliases';
import { isContentWord, stem } from '../text/stem';
import { normalizePunctuation } from '../text/normalize';
import { bestLink, describeClaim, type ClaimLink } from '../claims';

function label(entity: string): string {
  return ENTITY_BY_ID.get(entity)?.label ?? entity;
}

/** The words as written in `a` for index terms (stems back to a surface word, entities to labels). */
export function surfaceWords(terms: readonly string[], a: Analysis, max = 4): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (out.length >= max) break;
    if (t.startsWith('@')) {
      out.push(label(t.slice(1)));
      continue;
    }
    const w = a.words.find((x) => stem(x) === t);
    if (w && !out.includes(w)) out.push(w);
  }
  return out;
}

/**
 * The words around a cue in the text as written ("sanctions relief was “not at all” part of the
 * agenda"), cut at word boundaries, so a reader sees the denial itself.
 */
export function cueSnippet(text: string, cue: string, span = 45): string {
  const flat = text.replace(/\s+/g, ' ');
  const words = cue.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\b${words.join('[^\\w]+')}\\b`, 'i');
  const m = re.exec(flat.replace(/[\u2018\u2019]/g, "'"));
  if (!m) return cue;
  let from = Math.max(0, m.index - span);
  let to = Math.min(flat.length, m.index + m[0].length + span);
  if (from > 0) from = flat.indexOf(' ', from) + 1;
  if (to < flat.length) to = Math.max(m.index + m[0].length, flat.lastIndexOf(' ', to));
  return `${from > 0 ? '…' : ''}${flat.slice(from, to).replace(/^[\s,;:]+|[\s,;:]+$/g, '')}${to < flat.length ? '…' : ''}`;
}

/**
 * The words around a claim's anchor in the text. An anchor may be a label rather than the words as
 * written ("not agenda" for "“not at all” part of the agenda"): then its last word is looked up, and
 * failing that the text's opening is shown.
 */
export function claimSnippet(text: string, anchor: string): string {
  const whole = cueSnippet(text, anchor);
  if (whole !== anchor) return whole;
  const last = anchor.split(' ').at(-1)!;
  const part = cueSnippet(text, last);
  if (part !== last) return part;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, flat.lastIndexOf(' ', 90))}…` : flat;
}

/**
 * The English sentence of each kind of reason, slots in braces. The same sentences are the `en`
 * messages of public/_locales (key `reason` + the kind in camel case, slots as $1… in the order of
 * lib/view/reason.ts); a test renders every gold reason both ways and compares.
 */
export const REASON_TEMPLATES = {
  'different-figure': 'Gives a different figure: “{statement}”, where this paragraph says “{page}”',
  denies: 'Denies it: “{quote}”; this paragraph says otherwise',
  'denies-by': '{who} denies it: “{quote}”; this paragraph says otherwise',
  'paragraph-denies': 'This paragraph denies it (“{quote}”); this outlet reports it',
  'opposite-words': 'Says “{statement}” where this paragraph says “{page}”',
  'different-people': 'Names {names} at the talks; this paragraph names {pageNames}',
  'claim-conflict': 'Says {claim} (“{quote}”); this paragraph says {pageClaim}',
  'same-figure': 'Both give the same figure: “{figure}”',
  'same-claim': 'Both report: {claim}',
  'same-claim-by': 'Both report, here in the words of {who}: {claim}',
  'same-quote': 'Both quote the same words: “{quote}”',
  'same-quote-by': 'Both quote {who}: “{quote}”',
  'reports-same': 'Also reports “{phrase}”',
  'reports-same-by': 'Also reports, in the words of {who}: “{phrase}”',
  'same-point': 'Touches on the same point: “{phrase}”',
  'other-words': 'Makes a similar point in other words (“{statement}” for “{page}”)',
  similar: 'Makes a similar point in other words',
} as const;

export type ReasonKind = keyof typeof REASON_TEMPLATES;

/** Slots that hold words quoted from the statement or the paragraph (the others are names or claim summaries). */
export const QUOTED_SLOTS: readonly string[] = ['statement', 'page', 'quote', 'figure', 'phrase'];

/** The English sentence of a reason. */
export function reasonText(r: ReasonData): string {
  const template = (REASON_TEMPLATES as Record<string, string>)[r.kind] ?? r.kind;
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => r.slots[slot] ?? '');
}

function reason(kind: ReasonKind, slots: Record<string, string> = {}): ReasonData {
  return { kind, slots };
}

// The longest stretch of the statement quoted as what the two share, in words.
const PHRASE_MAX = 10;
// Words of context quoted on each side of a lone shared word.
const CONTEXT = 2;
const BREAK = /[.,;:!?()\u201c\u201d"\u2014]/;

/** The index term each token of `a` stands for (`@id` inside an entity mention), or null for a function word. */
function tokenTerms(a: Analysis): (string | null)[] {
  const out: (string | null)[] = a.words.map((w) => (isContentWord(w) && !/^\d/.test(w) ? stem(w) : null));
  for (const m of a.mentions) for (let k = m.start; k < m.end; k++) out[k] = `@${m.id}`;
  return out;
}

/**
 * The statement's own words for what it shares with the page sentence: the shortest stretch (at most
 * ten words) holding the most shared terms — exact ones count fully, ones matched by meaning half —
 * and around a lone shared word a few words of context, never across a punctuation mark.
 */
export function sharedPhrase(e: PairEvidence, statement: Analysis): string | null {
  const weight = new Map<string, number>();
  for (const [, b] of e.aligned) weight.set(b, 0.5);
  for (const t of e.shared) weight.set(t, 1);
  const terms = tokenTerms(statement);
  const n = terms.length;
  let best: { from: number; to: number; score: number } | null = null;
  for (let i = 0; i < n; i++) {
    if (!weight.has(terms[i] ?? '')) continue;
    const seen = new Set<string>();
    let score = 0;
    for (let j = i; j < n && j - i < PHRASE_MAX; j++) {
      const t = terms[j];
      if (!t || !weight.has(t)) continue;
      if (!seen.has(t)) {
        seen.add(t);
        score += weight.get(t)!;
      }
      if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && j - i < best.to - best.from))
        best = { from: i, to: j, score };
    }
  }
  if (!best) return null;
  let { from, to } = best;
  const tok = statement.tokens;
  const text = statement.text;
  const at = originalOffsets(text);
  const gap = (a: number, b: number) => text.slice(at[tok[a]!.end], at[tok[b]!.start]);
  // Whole names: a stretch that starts or ends inside an entity mention takes all of it.
  for (const m of statement.mentions) {
    if (m.start <= from && from < m.end) from = m.start;
    if (m.start <= to && to < m.end) to = m.end - 1;
  }
  if (best.score <= 1) {
    // A few words of context on each side of a lone shared word.
    for (let k = 0; k < CONTEXT && from > 0 && !BREAK.test(gap(from - 1, from)); k++) from--;
    for (let k = 0; k < CONTEXT && to < n - 1 && !BREAK.test(gap(to, to + 1)); k++) to++;
  }
  return innerQuotes(text.slice(at[tok[from]!.start], at[tok[to]!.end]).replace(/\s+/g, ' '));
}

/**
 * Token offsets are offsets in the text with its punctuation normalised, which has the same length
 * but for rare characters (a dash becomes " - "): the offset in `text` of each such offset.
 */
function originalOffsets(text: string): number[] {
  const at: number[] = [];
  if (normalizePunctuation(text).length === text.length) {
    for (let i = 0; i <= text.length; i++) at.push(i);
    return at;
  }
  for (let i = 0; i < text.length; i++) {
    const n = normalizePunctuation(text[i]!).length;
    for (let k = 0; k < n; k++) at.push(i);
  }
  at.push(text.length);
  return at;
}

/** Double quotes inside a quoted phrase become single ones; a quote mark whose partner was cut off is dropped. */
function innerQuotes(phrase: string): string {
  const chars = [...phrase];
  let open = -1;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const opens = ch === '\u201c' || (ch === '"' && open < 0);
    const closes = ch === '\u201d' || (ch === '"' && open >= 0);
    if (opens) {
      if (open >= 0) chars[open] = '';
      open = i;
    } else if (closes) {
      if (open >= 0) {
        chars[open] = '\u2018';
        chars[i] = '\u2019';
        open = -1;
      } else chars[i] = '';
    }
  }
  if (open >= 0) chars[open] = '';
  return chars.join('').replace(/\s+/g, ' ').trim();
}

/** Why this statement is listed against the paragraph, as data (its English sentence: `reasonText`). */
export function explainData(
  d: StanceDecision,
  e: PairEvidence,
  page: Analysis,
  statement: Analysis,
  speaker: string | null,
  claims?: readonly ClaimLink[],
): ReasonData {
  const who = speaker ? label(speaker) : null;
  const c = d.clash;
  if (d.stance === 'conflicts' && c) {
    switch (c.kind) {
      case 'figure': {
        const [fa, fb] = e.diffFigures[0]!;
        return reason('different-figure', { statement: fb.text, page: fa.text });
      }
      case 'negation':
        if (c.side !== 'statement') return reason('paragraph-denies', { quote: cueSnippet(page.text, c.cue) });
        return who
          ? reason('denies-by', { who, quote: cueSnippet(statement.text, c.cue) })
          : reason('denies', { quote: cueSnippet(statement.text, c.cue) });
      case 'antonym':
        return reason('opposite-words', {
          statement: surfaceWords([c.words[1]], statement, 1)[0] ?? c.words[1],
          page: surfaceWords([c.words[0]], page, 1)[0] ?? c.words[0],
        });
      case 'attendee':
        return reason('different-people', { names: c.statement.map(label).join(', '), pageNames: c.page.map(label).join(', ') });
      case 'claim':
        return reason('claim-conflict', {
          claim: describeClaim(c.link.statement),
          quote: claimSnippet(statement.text, c.link.statement.anchor),
          pageClaim: describeClaim(c.link.page),
        });
    }
  }
  if (e.sameFigures.length) return reason('same-figure', { figure: e.sameFigures[0]![1].text });
  const agree = d.stance === 'corroborates' && claims ? bestLink(claims, 'agree') : undefined;
  if (agree) {
    const claim = describeClaim(agree.statement);
    return who && !claim.startsWith(who) ? reason('same-claim-by', { who, claim }) : reason('same-claim', { claim });
  }
  if (d.stance === 'corroborates') {
    const quote = statement.quotes.find((q) => page.quotes.some((p) => p.toLowerCase() === q.toLowerCase()));
    if (quote) return who ? reason('same-quote-by', { who, quote }) : reason('same-quote', { quote });
  }
  const phrase = sharedPhrase(e, statement);
  if (phrase) {
    if (d.stance !== 'corroborates') return reason('same-point', { phrase });
    return who ? reason('reports-same-by', { who, phrase }) : reason('reports-same', { phrase });
  }
  for (const [a, b] of e.aligned) {
    const s = surfaceWords([b], statement, 1)[0];
    const p = surfaceWords([a], page, 1)[0];
    if (s && p) return reason('other-words', { statement: s, page: p });
  }
  return reason('similar');
}

/** One short line in English: why this statement is listed against the paragraph. */
export function explain(
  d: StanceDecision,
  e: PairEvidence,
  page: Analysis,
  statement: Analysis,
  speaker: string | null,
  claims?: readonly ClaimLink[],
): string {
  return reasonText(explainData(d, e, page, statement, speaker, claims));
}
