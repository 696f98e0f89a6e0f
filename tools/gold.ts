// The engine run over the gold set (test/fixtures/gold/, loaded by tools/fixtures.ts) — shared by `npm run eval`,
// the evaluation test and the benchmarks.
import { loadGoldPages, loadGoldPairs } from './fixtures';
import { crossReferenceHtml, bundledMatcher } from './page-pipeline';
import { addCounts, bootstrapF1, prf, scorePage, scorePairs, type PageScore, type Counts } from './evaluate';
import { analyze } from '../lib/text/analyze';
import { comparePair } from '../lib/match/compare';
import { applyClaims, decideStance, DEFAULT_PARAMS, type StanceParams } from '../lib/match/stance';
import { extractClaims, linkClaims } from '../lib/claims';
import { findSpeaker } from '../lib/corpus/attribution';
import type { XrefReport } from '../lib/core/report';

export interface EvalResult {
  pages: { name: string; split: string; kind: string; score: PageScore; report: XrefReport }[];
  bySplit: Record<
    'dev' | 'holdout' | 'all',
    {
      corroborates: ReturnType<typeof prf>;
      conflicts: ReturnType<typeof prf>;
      /** 95% bootstrap intervals of the F1s, resampling the split's paragraphs. */
      interval: Record<'corroborates' | 'conflicts', { low: number; high: number }>;
      gateAccuracy: number;
      nearMissMatches: number;
    }
  >;
  pairs: ReturnType<typeof scorePairs>;
}

/** Runs the engine on every gold page and pair and scores it. */
export function evaluateGold(params: StanceParams = DEFAULT_PARAMS): EvalResult {
  const statements = bundledMatcher().data.statements;
  const pages = loadGoldPages().map((g) => {
    const report = crossReferenceHtml(g.html, '', { params });
    return { name: g.name, split: g.split, kind: g.kind, score: scorePage(g, report, statements), report };
  });
  const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const bySplit = {} as EvalResult['bySplit'];
  for (const split of ['dev', 'holdout', 'all'] as const) {
    const sel = pages.filter((p) => split === 'all' || p.split === split);
    let c = zero(),
      k = zero();
    for (const p of sel) {
      c = addCounts(c, p.score.counts.corroborates);
      k = addCounts(k, p.score.counts.conflicts);
    }
    const paragraphs = sel.flatMap((p) => p.score.paragraphs);
    bySplit[split] = {
      corroborates: prf(c),
      conflicts: prf(k),
      interval: {
        corroborates: bootstrapF1(paragraphs.map((x) => x.corroborates)),
        conflicts: bootstrapF1(paragraphs.map((x) => x.conflicts)),
      },
      gateAccuracy: sel.filter((p) => p.score.gateCorrect).length / Math.max(1, sel.length),
      nearMissMatches: sel.reduce((n, p) => n + p.score.nearMissMatches, 0),
    };
  }
  const m = bundledMatcher();
  const pairs = scorePairs(
    loadGoldPairs().map((p) => {
      const a = analyze(p.a),
        b = analyze(p.b);
      const e = comparePair(a, b, m.ctx);
      const sa = findSpeaker(a, null),
        sb = findSpeaker(b, null);
      const claims = linkClaims(extractClaims(a, sa), extractClaims(b, sb));
      const d = m.data.model
        ? m.data.model.decide(e, a, b, { rank: 0, sentences: 1, pageSpeaker: sa, statementSpeaker: sb, claims })
        : applyClaims(decideStance(e, params), claims);
      return { gold: p.label, predicted: d.stance };
    }),
  );
  return { pages, bySplit, pairs };
}
