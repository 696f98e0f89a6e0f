// Labelled rows for the stance model: every retrieved (paragraph, statement) candidate of the gold
// pages with its features, and every labelled corpus pair. Shared by training and evaluation.
import { analyze } from '../lib/text/analyze';
import { comparePair } from '../lib/match/compare';
import { findClash, type Clash } from '../lib/match/stance';
import { pairFeatures } from '../lib/match/pair-features';
import { extractClaims, linkClaims, type ClaimLink } from '../lib/claims';
import { findSpeaker } from '../lib/corpus/attribution';
import { extractArticle } from '../lib/extract/article';
import { comparisonKey as key } from '../lib/text/normalize';
import { splitDateline } from '../lib/corpus/parse';
import type { Matcher } from '../lib/match/engine';
import type { GoldPageFile, GoldPair } from './fixtures';
import { parseDocument } from './page-pipeline';

export type RowLabel = 'none' | 'related' | 'corroborates' | 'conflicts';
export const CLASSES: RowLabel[] = ['none', 'related', 'corroborates', 'conflicts'];

export interface Row {
  x: Float64Array;
  label: RowLabel;
  clash: Clash | null;
  claims: ClaimLink[];
  group: string;
  /** The statement's corpus index and the paragraph's terms (for the per-statement lexical models). */
  doc?: number;
  terms?: ReadonlySet<string>;
}

/** Rows of one gold page, with the number of gold claims retrieval never offered (misses for sure).
 * Training reads 20 candidates per paragraph (more negatives to learn from) where the engine compares
 * CANDIDATES (10): ranks 10–19 never held a listed match on the development pages. */
export function pageRows(
  m: Matcher,
  g: GoldPageFile | LabelledParagraphs,
  k = 20,
): { rows: Row[]; unretrieved: { corroborates: number; conflicts: number } } {
  const paragraphs = 'paragraphs' in g ? g.paragraphs : extractArticle(parseDocument(g.html)).paragraphs;
  const rows: Row[] = [];
  const seen = new Set<object>();
  for (const p of paragraphs) {
    for (const c of m.candidates(p.text, null, k)) {
      const st = m.data.statements[c.doc]!;
      const fits = (x: { paragraphContains: string; statementContains: string; source: string }) =>
        key(p.text).includes(key(x.paragraphContains)) &&
        key(st.text).includes(key(splitDateline(x.statementContains)?.rest ?? x.statementContains)) &&
        x.source === st.source;
      const gold = g.expect.find(fits);
      if (gold) seen.add(gold);
      const related = !gold && (g.related ?? []).some(fits);
      const clash = findClash(c.evidence);
      rows.push({
        x: pairFeatures(
          c.evidence,
          c.page,
          c.statement,
          {
            rank: c.rank,
            sentences: c.sentences,
            pageSpeaker: c.pageSpeaker,
            statementSpeaker: st.speaker,
            paragraphSoft: c.paragraphSoft,
            paragraphCoverStatement: c.paragraphCoverStatement,
            retrievalScore: c.retrievalScore,
            claims: c.claims,
          },
          clash,
        ),
        label: gold ? (gold.stance as RowLabel) : related ? 'related' : 'none',
        clash,
        claims: c.claims,
        group: g.name,
        doc: c.doc,
        terms: c.paragraphTerms,
      });
    }
  }
  const unretrieved = { corroborates: 0, conflicts: 0 };
  // Excerpts of one statement count once, as in the evaluation.
  const missedKeys = new Set<string>();
  for (const x of g.expect) {
    if (seen.has(x) || (x.stance !== 'corroborates' && x.stance !== 'conflicts')) continue;
    const st = m.data.statements.find(
      (s) => s.source === x.source && key(s.text).includes(key(splitDateline(x.statementContains)?.rest ?? x.statementContains)),
    );
    const k = `${x.paragraphContains}|${st?.id ?? x.statementContains}|${x.stance}`;
    if (
      missedKeys.has(k) ||
      g.expect.some(
        (y) =>
          seen.has(y) &&
          y.paragraphContains === x.paragraphContains &&
          y.stance === x.stance &&
          st &&
          key(st.text).includes(key(splitDateline(y.statementContains)?.rest ?? y.statementContains)),
      )
    )
      continue;
    missedKeys.add(k);
    unretrieved[x.stance]++;
  }
  return { rows, unretrieved };
}

/** A labelled page given as its paragraphs (a real-world article's body lines). */
export interface LabelledParagraphs {
  name: string;
  paragraphs: { text: string }[];
  expect: { paragraphContains: string; stance: string; source: string; statementContains: string }[];
  related?: { paragraphContains: string; stance?: string; source: string; statementContains: string }[];
}

export function pairRow(m: Matcher, p: GoldPair): Row {
  const a = analyze(p.a),
    b = analyze(p.b);
  const e = comparePair(a, b, m.ctx);
  const clash = findClash(e);
  const sa = findSpeaker(a, null),
    sb = findSpeaker(b, null);
  const claims = linkClaims(extractClaims(a, sa), extractClaims(b, sb));
  return {
    x: pairFeatures(e, a, b, { rank: 0, sentences: 1, pageSpeaker: sa, statementSpeaker: sb, claims }, clash),
    label: p.label === 'unrelated' ? 'none' : p.label,
    clash,
    claims,
    group: 'pairs',
  };
}
