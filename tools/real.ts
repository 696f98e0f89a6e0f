// The engine run over the real-world evaluation set (test/fixtures/real/{dev,test}/, see the README
// there; loaded by tools/fixtures.ts): each body line is a paragraph, the gate reads every line with the title,
// URL and date as it would on the page. Shared by `npm run eval -- --real` and its test.
import { loadReal, type Half, type RealArticle, type RealLabel } from './fixtures';
import { bundledMatcher } from './page-pipeline';
import { scoreCoverage, type CoverageInput } from '../lib/gate/coverage';
import { GATE_TEXT_CHARS } from '../lib/gate/page-signals';
import { addCounts, bootstrapF1, prf, type Counts, type Prf } from './evaluate';
import { comparisonKey } from '../lib/text/normalize';
import type { Matcher } from '../lib/match/engine';
import type { XrefReport } from '../lib/core/report';
import { evaluateGold } from './gold';

/** The gate's input as pageSignals() reads a page: title, URL, publication date, opening text (every stored line). */
export function gateInput(a: RealArticle): CoverageInput {
  const text = [a.date ?? '', ...a.paragraphs.filter((p) => p.why !== 'stored date').map((p) => p.text)]
    .join('\n')
    .slice(0, GATE_TEXT_CHARS + 2000);
  return { title: a.title ?? '', url: a.url, text };
}

/** The engine's report on one article, as the extension would make it on the page. */
export function runReal(a: RealArticle, m: Matcher = bundledMatcher()): XrefReport {
  const body = a.paragraphs.filter((p) => p.body);
  const verdict = scoreCoverage(m.data.signature, gateInput(a));
  return m.crossReference({ url: a.url, title: a.title ?? '', paragraphs: body.map((p, index) => ({ index, text: p.text })), verdict });
}

export interface ArticleScore {
  counts: Record<'corroborates' | 'conflicts', Counts>;
  paragraphs: Record<'corroborates' | 'conflicts', Counts>[];
  gateRight: boolean;
  listedOnNearMiss: number;
  missed: { paragraph: number; stance: string; source: string; statement: string }[];
  spurious: { paragraph: number; stance: string; source: string; statement: string; reason: string }[];
}

const key = comparisonKey;

/** Scores a report against an article's labels: listed corroborations/conflicts vs expected ones; borderline ones neither count for nor against. */
export function scoreReal(a: RealArticle, report: XrefReport, statements: readonly { text: string; source: string }[]): ArticleScore {
  const zero = () => ({ corroborates: { tp: 0, fp: 0, fn: 0 }, conflicts: { tp: 0, fp: 0, fn: 0 } });
  const counts = zero();
  const paragraphs = report.paragraphs.map(zero);
  const out: ArticleScore = {
    counts,
    paragraphs,
    gateRight: report.coverage.isCoverage === (a.kind === 'coverage'),
    listedOnNearMiss: 0,
    missed: [],
    spurious: [],
  };
  const listed = report.paragraphs.flatMap((p, i) => p.matches.filter((m) => m.stance !== 'related').map((m) => ({ i, m })));
  if (a.kind === 'near-miss') {
    out.listedOnNearMiss = listed.length;
    return out;
  }
  const full = (source: string, contains: string) =>
    statements.find((s) => s.source === source && key(s.text).includes(key(contains)))?.text ?? contains;
  const body = a.paragraphs.filter((p) => p.body);
  const expected = new Map<string, { i: number; l: RealLabel; statement: string }>();
  const borderline = new Set<string>();
  body.forEach((p, i) => {
    for (const l of p.expect ?? []) {
      const statement = full(l.source, l.statementContains);
      expected.set(`${i}|${l.source}|${key(statement)}|${l.stance}`, { i, l, statement });
    }
    for (const l of p.borderline ?? []) borderline.add(`${i}|${l.source}|${key(full(l.source, l.statementContains))}`);
  });
  const count = (i: number, s: 'corroborates' | 'conflicts', f: keyof Counts) => {
    counts[s][f]++;
    if (paragraphs[i]) paragraphs[i]![s][f]++;
  };
  const found = new Set<string>();
  for (const { i, m } of listed) {
    const s = m.stance as 'corroborates' | 'conflicts';
    const k = `${i}|${m.sourceId}|${key(m.statement)}|${s}`;
    if (expected.has(k)) {
      count(i, s, 'tp');
      found.add(k);
      continue;
    }
    if (borderline.has(`${i}|${m.sourceId}|${key(m.statement)}`)) continue;
    count(i, s, 'fp');
    out.spurious.push({ paragraph: i, stance: s, source: m.sourceId, statement: m.statement, reason: m.reason });
  }
  for (const [k, e] of expected) {
    if (found.has(k)) continue;
    count(e.i, e.l.stance, 'fn');
    out.missed.push({ paragraph: e.i, stance: e.l.stance, source: e.l.source, statement: e.statement });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const brief = (v: Prf) => ({ p: round(v.precision), r: round(v.recall), f1: round(v.f1) });

/** One half's figures; the JSON contract of `npm run eval -- --real --json` is the first five fields. */
export interface HalfFigures {
  articles: number;
  corroborates: { p: number; r: number; f1: number };
  conflicts: { p: number; r: number; f1: number };
  gate: { right: number; total: number };
  nearMissMatches: number;
  /** Real conflicts pooled with the gold pages' conflicts of the matching split (dev ↔ dev, test ↔ held-out). */
  conflictsWithGold: { p: number; r: number; f1: number };
  coverageArticles: number;
  nearMissArticles: number;
  intervals: Record<'corroborates' | 'conflicts' | 'conflictsWithGold', { low: number; high: number }>;
  counts: Record<'corroborates' | 'conflicts' | 'conflictsWithGold', Counts>;
  gateMisses: { name: string; kind: string; reason: string }[];
}

export interface RealResult {
  halves: Record<Half, HalfFigures>;
  articles: { a: RealArticle; report: XrefReport; score: ArticleScore }[];
}

export function evaluateReal(m: Matcher = bundledMatcher()): RealResult {
  const statements = m.data.statements;
  const gold = evaluateGold();
  const articles = (['dev', 'test'] as const).flatMap((half) =>
    loadReal(half).map((a) => {
      const report = runReal(a, m);
      return { a, report, score: scoreReal(a, report, statements) };
    }),
  );
  const halves = {} as Record<Half, HalfFigures>;
  for (const half of ['dev', 'test'] as const) {
    const sel = articles.filter((x) => x.a.half === half);
    let c: Counts = { tp: 0, fp: 0, fn: 0 },
      k: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const x of sel) {
      c = addCounts(c, x.score.counts.corroborates);
      k = addCounts(k, x.score.counts.conflicts);
    }
    const goldPages = gold.pages.filter((p) => p.kind === 'coverage' && p.split === (half === 'dev' ? 'dev' : 'holdout'));
    let kg = k;
    for (const p of goldPages) kg = addCounts(kg, p.score.counts.conflicts);
    const paras = sel.flatMap((x) => x.score.paragraphs);
    const goldParas = goldPages.flatMap((p) => p.score.paragraphs.map((q) => q.conflicts));
    halves[half] = {
      articles: sel.length,
      corroborates: brief(prf(c)),
      conflicts: brief(prf(k)),
      gate: { right: sel.filter((x) => x.score.gateRight).length, total: sel.length },
      nearMissMatches: sel.reduce((n, x) => n + x.score.listedOnNearMiss, 0),
      conflictsWithGold: brief(prf(kg)),
      coverageArticles: sel.filter((x) => x.a.kind === 'coverage').length,
      nearMissArticles: sel.filter((x) => x.a.kind === 'near-miss').length,
      intervals: {
        corroborates: bootstrapF1(paras.map((p) => p.corroborates)),
        conflicts: bootstrapF1(paras.map((p) => p.conflicts)),
        conflictsWithGold: bootstrapF1([...paras.map((p) => p.conflicts), ...goldParas]),
      },
      counts: { corroborates: c, conflicts: k, conflictsWithGold: kg },
      // Named misses only for the development half: the test half is read in aggregate alone.
      gateMisses:
        half === 'test'
          ? []
          : sel.filter((x) => !x.score.gateRight).map((x) => ({ name: x.a.name, kind: x.a.kind, reason: x.report.coverage.reason })),
    };
  }
  return { halves, articles };
}

/** A labelled real article in the shape the stance model's training reads (tools/stance-data.ts). */
export function realAsLabelled(a: RealArticle): {
  name: string;
  paragraphs: { text: string }[];
  expect: { paragraphContains: string; stance: string; source: string; statementContains: string }[];
  related: { paragraphContains: string; source: string; statementContains: string }[];
} {
  const body = a.paragraphs.filter((p) => p.body);
  return {
    name: `real:${a.name}`,
    paragraphs: body.map((p) => ({ text: p.text })),
    expect: body.flatMap((p) =>
      (p.expect ?? []).map((l) => ({
        paragraphContains: p.text,
        stance: l.stance,
        source: l.source,
        statementContains: l.statementContains,
      })),
    ),
    related: body.flatMap((p) =>
      (p.borderline ?? []).map((l) => ({ paragraphContains: p.text, source: l.source, statementContains: l.statementContains })),
    ),
  };
}
