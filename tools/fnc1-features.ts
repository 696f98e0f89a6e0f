// Features of one FNC-1 pair (a headline and an article body) for the stance model: does the body talk
// about the headline's claim at all (tf-idf cosine, BM25, term/n-gram overlap, shared names and
// numbers), and if so how (refuting, negating, hedging, reporting and asserting words, in the body and
// near the sentences that carry the claim). Pure TypeScript over lib/text: runs in Node and the browser.
// Term weights (idf) come from the training bodies and ship inside the model (tools/fnc1-model/fnc1.json).
import { tokenize } from '../lib/text/tokenize';
import { analyze, type Analysis } from '../lib/text/analyze';
import { splitSentences } from '../lib/text/sentences';
import { stem, isContentWord } from '../lib/text/stem';
import { extractFigures, sameQuantity, sameValue } from '../lib/text/figures';
import { NEGATION_WORDS, REFUTATION_WORDS, HEDGE_WORDS } from '../lib/text/cues';
import { predictProbaInto, type GbdtModel } from '../lib/match/gbdt';
import type { Figure } from '../lib/core/corpus';

export const FNC1_CLASSES = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type Fnc1Class = (typeof FNC1_CLASSES)[number];

// ---------------------------------------------------------------------------------------------
// Term statistics from the training bodies.

/** Document frequencies of the kept vocabulary, grouped by df to keep the JSON small. */
export interface IdfTable {
  /** Number of bodies the statistics come from. */
  n: number;
  /** Terms with a lower df are not stored; they get the idf of df = minDf - 1 (at least 1). */
  minDf: number;
  /** Mean number of index terms per body and per sentence (BM25 length normalisation). */
  avgBodyLen: number;
  avgSentLen: number;
  /** String(df) → the terms with that df, space separated. */
  byDf: Record<string, string>;
}

export interface IdfModel {
  table: IdfTable;
  idf(term: string): number;
  /** Weight of a term the table does not hold. */
  unknown: number;
}

const idfOf = (n: number, df: number): number => Math.log((n + 1) / (df + 1)) + 1;

export function makeIdf(table: IdfTable): IdfModel {
  const map = new Map<string, number>();
  for (const [df, terms] of Object.entries(table.byDf)) {
    const w = idfOf(table.n, Number(df));
    for (const t of terms.split(' ')) if (t) map.set(t, w);
  }
  const unknown = idfOf(table.n, Math.max(1, table.minDf - 1));
  return { table, unknown, idf: (t) => map.get(t) ?? unknown };
}

/** Builds the table from the training bodies' term lists (one list per body). */
export function buildIdfTable(bodies: readonly BodyTerms[], minDf = 2): IdfTable {
  const df = new Map<string, number>();
  let bodyLen = 0,
    sentLen = 0,
    nSent = 0;
  for (const b of bodies) {
    bodyLen += b.terms.length;
    for (const s of b.sentences) {
      sentLen += s.length;
      nSent++;
    }
    for (const t of new Set(b.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const byDf: Record<string, string[]> = {};
  for (const [t, d] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (d >= minDf && !/\s/.test(t)) (byDf[String(d)] ??= []).push(t);
  }
  return {
    n: bodies.length,
    minDf,
    avgBodyLen: Math.round((bodyLen / Math.max(1, bodies.length)) * 100) / 100,
    avgSentLen: Math.round((sentLen / Math.max(1, nSent)) * 100) / 100,
    byDf: Object.fromEntries(Object.entries(byDf).map(([d, ts]) => [d, ts.join(' ')])),
  };
}

/** A flat table (every term weighs 1) for callers with no statistics. */
export const FLAT_IDF: IdfModel = { table: { n: 0, minDf: 1, avgBodyLen: 300, avgSentLen: 15, byDf: {} }, unknown: 1, idf: () => 1 };

// ---------------------------------------------------------------------------------------------
// Word lists.

/** The official baseline's refuting words. */
const BASELINE_REFUTING = new Set([
  'fake',
  'fraud',
  'hoax',
  'false',
  'deny',
  'denies',
  'not',
  'despite',
  'nope',
  'doubt',
  'doubts',
  'bogus',
  'debunk',
  'pranks',
  'retract',
]);

const REFUTE = new Set([
  ...REFUTATION_WORDS,
  'fraud',
  'bogus',
  'debunks',
  'debunking',
  'nope',
  'doubt',
  'doubts',
  'doubted',
  'retract',
  'retracted',
  'retraction',
  'fabricated',
  'fabrication',
  'satire',
  'satirical',
  'parody',
  'prank',
  'pranks',
  'misleading',
  'doctored',
  'photoshopped',
  'myth',
  'refuting',
  'denying',
  'dismissing',
  'rejecting',
  'spoof',
  'joke',
  'scam',
  'phony',
  'incorrect',
  'wrong',
  'erroneous',
]);
const HEDGE = new Set([
  ...HEDGE_WORDS,
  'perhaps',
  'maybe',
  'would',
  'unclear',
  'speculate',
  'speculating',
  'claiming',
  'appears',
  'appear',
  'appeared',
  'seems',
  'seem',
  'seemed',
  'suggest',
  'suggests',
  'suggested',
  'if',
  'whether',
  'allegation',
  'allegations',
  'purported',
  'likely',
  'probably',
  'rumoured',
  'rumored',
  'unknown',
  'investigating',
  'investigation',
  'questions',
  'question',
]);
const REPORT = new Set([
  'according',
  'report',
  'reports',
  'reported',
  'reporting',
  'says',
  'said',
  'told',
  'sources',
  'source',
  'statement',
  'tweeted',
  'posted',
  'wrote',
  'cited',
  'citing',
  'quoted',
  'published',
  'claims',
  'interview',
  'spokesman',
  'spokeswoman',
  'spokesperson',
]);
const ASSERT = new Set([
  'confirmed',
  'confirms',
  'confirm',
  'confirmation',
  'officially',
  'official',
  'announced',
  'announces',
  'revealed',
  'reveals',
  'proved',
  'proves',
  'proof',
  'evidence',
  'indeed',
  'video',
  'footage',
  'shows',
  'showed',
  'true',
  'truth',
  'real',
  'genuine',
  'verified',
  'definitely',
  'certainly',
  'now',
  'has',
  'have',
  'will',
  'is',
  'are',
  'was',
  'were',
  'did',
]);
const NEGATE = NEGATION_WORDS;
/** Multi-word debunking phrases; tokens as tokenize() gives them ("isn't" → "is not"). */
const DEBUNK_PHRASES: readonly string[][] = [
  ['not', 'true'],
  ['no', 'evidence'],
  ['made', 'up'],
  ['turned', 'out'],
  ['in', 'fact'],
  ['there', 'is', 'no'],
  ['not', 'real'],
  ['fake', 'news'],
  ['is', 'not'],
  ['was', 'not'],
  ['did', 'not'],
  ['does', 'not'],
  ['has', 'not'],
  ['no', 'truth'],
  ['false', 'report'],
  ['not', 'the', 'case'],
  ['no', 'proof'],
  ['never', 'happened'],
  ['satirical', 'website'],
  ['fake', 'story'],
];
const DISCUSS_PHRASES: readonly string[][] = [
  ['according', 'to'],
  ['it', 'is', 'not', 'clear'],
  ['not', 'yet'],
  ['yet', 'to', 'be'],
  ['could', 'not', 'be', 'independently'],
  ['has', 'not', 'been', 'confirmed'],
  ['have', 'not', 'been', 'confirmed'],
  ['unable', 'to', 'confirm'],
  ['if', 'true'],
  ['is', 'said', 'to'],
  ['are', 'said', 'to'],
  ['was', 'said', 'to'],
  ['is', 'believed'],
  ['are', 'believed'],
  ['reports', 'say'],
  ['reached', 'for', 'comment'],
  ['did', 'not', 'respond'],
  ['remains', 'to', 'be', 'seen'],
];

const GROUPS = [REFUTE, NEGATE, HEDGE, REPORT, ASSERT] as const;
const NG = GROUPS.length + 2; // + debunk phrases, discuss phrases
const G_REFUTE = 0,
  G_HEDGE = 2,
  G_DEBUNK = 5,
  G_DISCUSS = 6;
const GROUP_NAMES = ['refute', 'neg', 'hedge', 'report', 'assert', 'debunk', 'discussph'];

function phraseCount(words: readonly string[], phrases: readonly string[][]): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    for (const p of phrases) {
      if (words[i] !== p[0]) continue;
      let ok = true;
      for (let k = 1; k < p.length; k++)
        if (words[i + k] !== p[k]) {
          ok = false;
          break;
        }
      if (ok) n++;
    }
  }
  return n;
}

function groupCounts(words: readonly string[]): Float64Array {
  const c = new Float64Array(NG);
  for (const w of words) for (let g = 0; g < GROUPS.length; g++) if (GROUPS[g]!.has(w)) c[g]!++;
  c[G_DEBUNK] = phraseCount(words, DEBUNK_PHRASES);
  c[G_DISCUSS] = phraseCount(words, DISCUSS_PHRASES);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Text preparation.

/** Index terms per body and per sentence, the input of buildIdfTable. */
export interface BodyTerms {
  terms: string[];
  sentences: string[][];
}

interface SentPrep {
  tf: Map<string, number>;
  /** Euclidean norm of the sentence's (1 + ln tf) · idf vector. */
  norm: number;
  len: number;
  groups: Float64Array;
  /** Stems in the scope of each negation / refutation cue (lib/text/cues). */
  negScope: Set<string>;
  refScope: Set<string>;
  stems: Set<string>;
  question: boolean;
}

export interface BodyPrep {
  idf: IdfModel;
  nWords: number;
  nTerms: number;
  sentences: SentPrep[];
  tf: Map<string, number>;
  norm: number;
  /** Stems of every word (the baseline's lemma overlap), and of the first 255 characters. */
  stems: Set<string>;
  introStems: Set<string>;
  bigrams: Set<string>;
  trigrams: Set<string>;
  /** Character 5-grams of the cleaned body and 4-grams of its first 255 characters. */
  char5: Set<string>;
  introChar4: Set<string>;
  /** Lower-case words the body writes with a capital inside a sentence (names). */
  propers: Set<string>;
  numbers: Set<string>;
  figures: Figure[];
  groups: Float64Array;
  leadGroups: Float64Array;
  questions: number;
  quotes: number;
  /** Parity of the baseline's refuting words (its "polarity"). */
  polarity: number;
}

function termTf(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function vecNorm(tf: Map<string, number>, idf: IdfModel): number {
  let s = 0;
  for (const [t, n] of tf) {
    const w = (1 + Math.log(n)) * idf.idf(t);
    s += w * w;
  }
  return Math.sqrt(s);
}

const cleanText = (words: readonly string[]): string => words.join(' ');

function charGrams(text: string, n: number, into: Set<string> = new Set()): Set<string> {
  for (let i = 0; i + n <= text.length; i++) into.add(text.slice(i, i + n));
  return into;
}

function wordGrams(stems: readonly string[], n: number): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + n <= stems.length; i++) s.add(stems.slice(i, i + n).join(' '));
  return s;
}

const NUMBER_RE = /^\d+(?:[.,]\d+)*$/;
const normNumber = (w: string): string => w.replace(/,/g, '');

/** Sentences of a body: paragraphs split at line breaks, then at sentence ends. */
export function bodySentences(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n|\r/)) {
    if (!para.trim()) continue;
    for (const s of splitSentences(para)) out.push(s.text);
  }
  return out;
}

function sentenceAnalyses(text: string): Analysis[] {
  return bodySentences(text).map((s) => analyze(s));
}

/** Index terms of a body (for the idf statistics at training time). */
export function bodyTerms(text: string): BodyTerms {
  const sents = sentenceAnalyses(text);
  return { terms: sents.flatMap((a) => a.terms), sentences: sents.map((a) => a.terms) };
}

function cueScopes(a: Analysis): { neg: Set<string>; ref: Set<string> } {
  const neg = new Set<string>(),
    ref = new Set<string>();
  for (const c of a.cues) for (const s of c.scope) (c.kind === 'refutation' ? ref : neg).add(s);
  return { neg, ref };
}

/** Everything about a body that does not depend on the headline; prepare once per body and reuse. */
export function prepareBody(text: string, idf: IdfModel = FLAT_IDF): BodyPrep {
  const rawSentences = bodySentences(text);
  const analyses = rawSentences.map((s) => analyze(s));
  const sentences: SentPrep[] = [];
  const allWords: string[] = [];
  const allTerms: string[] = [];
  const propers = new Set<string>();
  const groups = new Float64Array(NG);
  const leadGroups = new Float64Array(NG);
  let questions = 0;
  analyses.forEach((a, i) => {
    const tf = termTf(a.terms);
    const g = groupCounts(a.words);
    for (let k = 0; k < NG; k++) {
      groups[k]! += g[k]!;
      if (i < 3) leadGroups[k]! += g[k]!;
    }
    const { neg, ref } = cueScopes(a);
    const question = /\?\s*["')\]]*\s*$/.test(rawSentences[i] ?? '');
    if (question) questions++;
    sentences.push({
      tf,
      norm: vecNorm(tf, idf),
      len: a.terms.length,
      groups: g,
      negScope: neg,
      refScope: ref,
      stems: new Set(a.words.map(stem)),
      question,
    });
    for (const w of a.words) allWords.push(w);
    for (const t of a.terms) allTerms.push(t);
    // Capitalised words not opening the sentence are names.
    const toks = tokenize(rawSentences[i] ?? '');
    const raw = rawSentences[i] ?? '';
    for (let k = 1; k < toks.length; k++) {
      const c = raw.charCodeAt(toks[k]!.start);
      if (c >= 65 && c <= 90 && isContentWord(toks[k]!.norm)) propers.add(toks[k]!.norm);
    }
  });
  const stemsAll = allWords.map(stem);
  const tf = termTf(allTerms);
  const cleaned = cleanText(allWords);
  const introWords = tokenize(text.slice(0, 255)).map((t) => t.norm);
  const numbers = new Set<string>();
  for (const w of allWords) if (NUMBER_RE.test(w)) numbers.add(normNumber(w));
  let baselineRefuting = 0;
  for (const w of allWords) if (BASELINE_REFUTING.has(w)) baselineRefuting++;
  return {
    idf,
    nWords: allWords.length,
    nTerms: allTerms.length,
    sentences,
    tf,
    norm: vecNorm(tf, idf),
    stems: new Set(stemsAll),
    introStems: new Set(introWords.map(stem)),
    bigrams: wordGrams(stemsAll, 2),
    trigrams: wordGrams(stemsAll, 3),
    char5: charGrams(cleaned, 5),
    introChar4: charGrams(cleanText(introWords), 4),
    propers,
    numbers,
    figures: extractFigures(text),
    groups,
    leadGroups,
    questions,
    quotes: (text.match(/["\u201c\u201d]/g) ?? []).length,
    polarity: baselineRefuting % 2,
  };
}

interface HeadPrep {
  words: string[];
  stems: string[];
  stemSet: Set<string>;
  contentStems: string[];
  /** Distinct index terms and their weights ((1 + ln tf) · idf), idf alone, and the vector norm. */
  terms: string[];
  w: Float64Array;
  idfs: Float64Array;
  norm: number;
  mass: number;
  bigrams: string[];
  trigrams: string[];
  char5: string[];
  char4: string[];
  /** Content words the headline capitalises (names, in Title Case headlines most words). */
  capitals: string[];
  numbers: string[];
  figures: Figure[];
  groups: Float64Array;
  negScope: Set<string>;
  refScope: Set<string>;
  question: boolean;
  quote: boolean;
  polarity: number;
  baselineRefuting: number;
}

const headCache = new WeakMap<IdfModel, Map<string, HeadPrep>>();

function prepareHeadline(text: string, idf: IdfModel): HeadPrep {
  let cache = headCache.get(idf);
  if (!cache) headCache.set(idf, (cache = new Map()));
  const hit = cache.get(text);
  if (hit) return hit;
  const a = analyze(text);
  const words = a.words;
  const stems = words.map(stem);
  const tf = termTf(a.terms);
  const terms = [...tf.keys()];
  const w = new Float64Array(terms.length);
  const idfs = new Float64Array(terms.length);
  let norm = 0,
    mass = 0;
  terms.forEach((t, i) => {
    idfs[i] = idf.idf(t);
    w[i] = (1 + Math.log(tf.get(t)!)) * idfs[i]!;
    norm += w[i]! * w[i]!;
    mass += idfs[i]!;
  });
  const toks = tokenize(text);
  const capitals: string[] = [];
  for (const t of toks) {
    const c = text.charCodeAt(t.start);
    if (c >= 65 && c <= 90 && isContentWord(t.norm) && !capitals.includes(t.norm)) capitals.push(t.norm);
  }
  const { neg, ref } = cueScopes(a);
  let baselineRefuting = 0;
  for (const x of words) if (BASELINE_REFUTING.has(x)) baselineRefuting++;
  const cleaned = cleanText(words);
  const prep: HeadPrep = {
    words,
    stems,
    stemSet: new Set(stems),
    contentStems: [...new Set(words.filter(isContentWord).map(stem))],
    terms,
    w,
    idfs,
    norm: Math.sqrt(norm),
    mass,
    bigrams: [...wordGrams(stems, 2)],
    trigrams: [...wordGrams(stems, 3)],
    char5: [...charGrams(cleaned, 5)],
    char4: [...charGrams(cleaned, 4)],
    capitals,
    numbers: [...new Set(words.filter((x) => NUMBER_RE.test(x)).map(normNumber))],
    figures: a.figures,
    groups: groupCounts(words),
    negScope: neg,
    refScope: ref,
    question: text.includes('?'),
    quote: /["'\u201c\u201d\u2018\u2019]/.test(text),
    polarity: baselineRefuting % 2,
    baselineRefuting,
  };
  if (cache.size > 20_000) cache.clear();
  cache.set(text, prep);
  return prep;
}

// ---------------------------------------------------------------------------------------------
// Features.

const K1 = 1.2;
const B = 0.75;

const names: string[] = [
  'cos_body',
  'cos_sent_max',
  'cos_sent_top3',
  'cos_lead',
  'best_sent_pos',
  'cos_sent_second',
  'bm25_body',
  'bm25_body_norm',
  'bm25_sent_max',
  'bm25_sent_max_norm',
  'cover_w',
  'cover_u',
  'cover_lead_w',
  'cover_sent_max_w',
  'miss_max_idf',
  'n_sent_half_cover',
  'h_terms',
  'h_mass',
  'h_words',
  'b_words',
  'b_sents',
  'jaccard_stems',
  'hits_stems',
  'hits_stems_intro',
  'bigram_hits',
  'trigram_hits',
  'char5_hits',
  'char4_intro_hits',
  'content_hits',
  'content_share',
  'propers_share',
  'capitals_share',
  'capitals_missing',
  'numbers_share',
  'numbers_missing',
  'fig_same',
  'fig_diff',
  'h_question',
  'h_quote',
  'h_polarity',
  'b_polarity',
  'h_baseline_refuting',
  ...GROUP_NAMES.map((g) => `h_${g}`),
  ...GROUP_NAMES.map((g) => `b_${g}`),
  ...GROUP_NAMES.map((g) => `lead_${g}`),
  ...GROUP_NAMES.map((g) => `near_${g}`),
  ...GROUP_NAMES.map((g) => `best_${g}`),
  'b_questions',
  'b_quotes',
  'near_question',
  'b_neg_on_head',
  'b_ref_on_head',
  'near_neg_on_head',
  'near_ref_on_head',
  'h_neg_on_body',
  'h_ref_on_body',
  'refute_x_cover',
  'hedge_x_cover',
];
/** Feature names, in the order fnc1Features writes them. */
export const FNC1_FEATURES: readonly string[] = names;
const F = names.length;
const IX: Record<string, number> = Object.fromEntries(names.map((n, i) => [n, i]));

function shareIn(items: readonly string[], set: Set<string>): number {
  if (!items.length) return 0;
  let n = 0;
  for (const x of items) if (set.has(x)) n++;
  return n / items.length;
}

/** The feature row of one (headline, body) pair, in FNC1_FEATURES order; every value is finite. */
export function fnc1Features(headline: string, body: BodyPrep): Float64Array {
  const idf = body.idf;
  const h = prepareHeadline(headline, idf);
  const x = new Float64Array(F);
  const set = (name: string, v: number): void => {
    x[IX[name]!] = Number.isFinite(v) ? v : 0;
  };
  const nT = h.terms.length;
  const S = body.sentences.length;

  // Whole body: tf-idf cosine, BM25, idf-weighted coverage of the headline's terms.
  let dot = 0,
    bm = 0,
    covW = 0,
    covU = 0,
    missMax = 0;
  const lenNorm = K1 * (1 - B + (B * body.nTerms) / Math.max(1, idf.table.avgBodyLen));
  for (let i = 0; i < nT; i++) {
    const t = h.terms[i]!;
    const n = body.tf.get(t);
    if (n) {
      dot += h.w[i]! * (1 + Math.log(n)) * h.idfs[i]!;
      bm += (h.idfs[i]! * n * (K1 + 1)) / (n + lenNorm);
      covW += h.idfs[i]!;
      covU++;
    } else if (h.idfs[i]! > missMax) missMax = h.idfs[i]!;
  }
  const bmMax = h.mass * (K1 + 1);
  set('cos_body', h.norm && body.norm ? dot / (h.norm * body.norm) : 0);
  set('bm25_body', bm);
  set('bm25_body_norm', bmMax ? bm / bmMax : 0);
  set('cover_w', h.mass ? covW / h.mass : 0);
  set('cover_u', nT ? covU / nT : 0);
  set('miss_max_idf', missMax);

  // Sentences: best cosine, BM25 and coverage; which sentences carry the claim ("near").
  const cos = new Float64Array(S);
  let bmS = 0,
    covS = 0,
    leadCov = 0,
    halfCover = 0;
  const leadSeen = new Set<string>();
  for (let s = 0; s < S; s++) {
    const sp = body.sentences[s]!;
    let d = 0,
      b = 0,
      c = 0;
    const ln = K1 * (1 - B + (B * sp.len) / Math.max(1, idf.table.avgSentLen));
    for (let i = 0; i < nT; i++) {
      const n = sp.tf.get(h.terms[i]!);
      if (!n) continue;
      d += h.w[i]! * (1 + Math.log(n)) * h.idfs[i]!;
      b += (h.idfs[i]! * n * (K1 + 1)) / (n + ln);
      c += h.idfs[i]!;
      if (s < 3 && !leadSeen.has(h.terms[i]!)) {
        leadSeen.add(h.terms[i]!);
        leadCov += h.idfs[i]!;
      }
    }
    cos[s] = h.norm && sp.norm ? d / (h.norm * sp.norm) : 0;
    if (b > bmS) bmS = b;
    if (c > covS) covS = c;
    if (h.mass && c / h.mass >= 0.5) halfCover++;
  }
  const order = Array.from({ length: S }, (_, i) => i).sort((a, b) => cos[b]! - cos[a]! || a - b);
  const top = order.slice(0, 3).filter((i) => cos[i]! > 0);
  set('cos_sent_max', S ? cos[order[0]!]! : 0);
  set('cos_sent_second', S > 1 ? cos[order[1]!]! : 0);
  set('cos_sent_top3', top.length ? top.reduce((a, i) => a + cos[i]!, 0) / Math.min(3, S) : 0);
  set('best_sent_pos', S && cos[order[0]!]! > 0 ? order[0]! / S : 1);
  let leadD = 0,
    leadN = 0;
  {
    // Lead = first two sentences as one vector.
    const tf = new Map<string, number>();
    for (let s = 0; s < Math.min(2, S); s++) for (const [t, n] of body.sentences[s]!.tf) tf.set(t, (tf.get(t) ?? 0) + n);
    leadN = vecNorm(tf, idf);
    for (let i = 0; i < nT; i++) {
      const n = tf.get(h.terms[i]!);
      if (n) leadD += h.w[i]! * (1 + Math.log(n)) * h.idfs[i]!;
    }
  }
  set('cos_lead', h.norm && leadN ? leadD / (h.norm * leadN) : 0);
  set('bm25_sent_max', bmS);
  set('bm25_sent_max_norm', bmMax ? bmS / bmMax : 0);
  set('cover_lead_w', h.mass ? leadCov / h.mass : 0);
  set('cover_sent_max_w', h.mass ? covS / h.mass : 0);
  set('n_sent_half_cover', halfCover);

  set('h_terms', nT);
  set('h_mass', h.mass);
  set('h_words', h.words.length);
  set('b_words', body.nWords);
  set('b_sents', S);

  // The official baseline's overlap features.
  let inter = 0;
  for (const s of h.stemSet) if (body.stems.has(s)) inter++;
  const union = h.stemSet.size + body.stems.size - inter;
  set('jaccard_stems', union ? inter / union : 0);
  set('hits_stems', inter);
  let intro = 0;
  for (const s of h.stemSet) if (body.introStems.has(s)) intro++;
  set('hits_stems_intro', intro);
  set('bigram_hits', shareIn(h.bigrams, body.bigrams));
  set('trigram_hits', shareIn(h.trigrams, body.trigrams));
  set('char5_hits', shareIn(h.char5, body.char5));
  set('char4_intro_hits', shareIn(h.char4, body.introChar4));
  let content = 0;
  for (const s of h.contentStems) if (body.stems.has(s)) content++;
  set('content_hits', content);
  set('content_share', h.contentStems.length ? content / h.contentStems.length : 0);

  // Names and numbers.
  set('propers_share', shareIn(h.capitals, body.propers));
  let capIn = 0,
    capMiss = 0;
  for (const c of h.capitals) {
    if (body.stems.has(stem(c))) capIn++;
    else capMiss++;
  }
  set('capitals_share', h.capitals.length ? capIn / h.capitals.length : 0);
  set('capitals_missing', capMiss);
  let numIn = 0;
  for (const n of h.numbers) if (body.numbers.has(n)) numIn++;
  set('numbers_share', h.numbers.length ? numIn / h.numbers.length : -1);
  set('numbers_missing', h.numbers.length - numIn);
  let same = 0,
    diff = 0;
  for (const fa of h.figures) {
    if (fa.kind === 'year' || fa.kind === 'date') continue;
    let s = false,
      d = false;
    for (const fb of body.figures) {
      if (!sameQuantity(fa, fb)) continue;
      if (sameValue(fa, fb)) s = true;
      else d = true;
    }
    if (s) same++;
    else if (d) diff++;
  }
  set('fig_same', same);
  set('fig_diff', diff);

  // Cue words: headline, body (per 100 words), lead, near the claim, best sentence.
  set('h_question', h.question ? 1 : 0);
  set('h_quote', h.quote ? 1 : 0);
  set('h_polarity', h.polarity);
  set('b_polarity', body.polarity);
  set('h_baseline_refuting', h.baselineRefuting);
  const per100 = 100 / Math.max(1, body.nWords);
  const near = new Float64Array(NG);
  let nearQuestion = 0,
    nearNeg = 0,
    nearRef = 0;
  const headTermSet = new Set(h.terms);
  for (const s of top) {
    const sp = body.sentences[s]!;
    for (let k = 0; k < NG; k++) near[k]! += sp.groups[k]!;
    if (sp.question) nearQuestion++;
    for (const t of sp.negScope)
      if (headTermSet.has(t)) {
        nearNeg++;
        break;
      }
    for (const t of sp.refScope)
      if (headTermSet.has(t)) {
        nearRef++;
        break;
      }
  }
  const best = S && cos[order[0]!]! > 0 ? body.sentences[order[0]!]!.groups : new Float64Array(NG);
  for (let k = 0; k < NG; k++) {
    const g = GROUP_NAMES[k]!;
    set(`h_${g}`, h.groups[k]!);
    set(`b_${g}`, body.groups[k]! * per100);
    set(`lead_${g}`, body.leadGroups[k]!);
    set(`near_${g}`, near[k]!);
    set(`best_${g}`, best[k]!);
  }
  set('b_questions', body.questions);
  set('b_quotes', body.quotes * per100);
  set('near_question', nearQuestion);
  let bNeg = 0,
    bRef = 0;
  for (const sp of body.sentences) {
    for (const t of sp.negScope)
      if (headTermSet.has(t)) {
        bNeg++;
        break;
      }
    for (const t of sp.refScope)
      if (headTermSet.has(t)) {
        bRef++;
        break;
      }
  }
  set('b_neg_on_head', bNeg);
  set('b_ref_on_head', bRef);
  set('near_neg_on_head', nearNeg);
  set('near_ref_on_head', nearRef);
  let hNeg = 0,
    hRef = 0;
  for (const t of h.negScope) if (body.tf.has(t)) hNeg++;
  for (const t of h.refScope) if (body.tf.has(t)) hRef++;
  set('h_neg_on_body', hNeg);
  set('h_ref_on_body', hRef);
  const cover = x[IX.cover_w!]!;
  set('refute_x_cover', (body.groups[G_REFUTE]! + body.groups[G_DEBUNK]!) * per100 * cover);
  set('hedge_x_cover', (body.groups[G_HEDGE]! + body.groups[G_DISCUSS]!) * per100 * cover);
  return x;
}

// ---------------------------------------------------------------------------------------------
// The shipped model and its decision rule.

export interface Fnc1Model {
  kind: 'fnc1-stance';
  version: 1;
  features: string[];
  idf: IdfTable;
  gbdt: GbdtModel;
  /**
   * 'expected': the label with the highest expected FNC-1 score given the class probabilities
   * (0.25 for the right related/unrelated call, +0.75 for the exact related label), each related
   * label's probability scaled by `scale`; 'argmax': the most probable class.
   */
  decision: { rule: 'expected' | 'argmax'; scale: number[] };
  meta: Record<string, unknown>;
}

/** Index into FNC1_CLASSES of the label chosen for class probabilities `p` (FNC1_CLASSES order). */
export function decideFnc1(p: ArrayLike<number>, decision: Fnc1Model['decision']): number {
  const s = decision.scale;
  const U = 3;
  if (decision.rule === 'argmax') {
    let best = 0;
    for (let k = 1; k < 4; k++) if (p[k]! * (s[k] ?? 1) > p[best]! * (s[best] ?? 1)) best = k;
    return best;
  }
  let best = U;
  let bestScore = 0.25 * p[U]! * (s[U] ?? 1);
  for (let k = 0; k < 3; k++) {
    const v = 0.25 * (1 - p[U]!) + 0.75 * p[k]! * (s[k] ?? 1);
    if (v > bestScore) {
      bestScore = v;
      best = k;
    }
  }
  return best;
}

const probScratch = new Float64Array(4);

/** Class probabilities of one pair (FNC1_CLASSES order). */
export function fnc1Proba(model: Fnc1Model, headline: string, body: BodyPrep, out: Float64Array = new Float64Array(4)): Float64Array {
  return predictProbaInto(model.gbdt, fnc1Features(headline, body), out);
}

/** Index into FNC1_CLASSES of the predicted stance of one pair. `body` must be prepared with the model's idf. */
export function predictFnc1Index(model: Fnc1Model, headline: string, body: BodyPrep): number {
  return decideFnc1(fnc1Proba(model, headline, body, probScratch), model.decision);
}
