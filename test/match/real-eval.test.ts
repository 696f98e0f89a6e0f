// The engine on the real-world set (test/fixtures/real): real articles by outlets outside the corpus
// and real near misses. The test half is frozen: its content hash is checked here, so it cannot change
// silently; only its aggregate figures are read. Floors sit just under what the engine reaches on the
// test half, so a regression fails the build; README states the targets and the distance.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundledMatcher } from '../../tools/page-pipeline';
import { evaluateReal, scoreReal } from '../../tools/real';
import { loadReal, realHash, type RealArticle } from '../../tools/fixtures';
import { comparisonKey } from '../../lib/text/normalize';
import { ROOT } from '../../tools/corpus-files';

// sha256 of test/fixtures/real/test/ (file names and bytes), fixed when the half was frozen.
const FROZEN_TEST_HASH = '8ba4d54739f8b5f7aa3c0d93904b80a3f584f3e4d0c349514f6f6c0d96ef8332';

const r = evaluateReal();
const statements = bundledMatcher().data.statements;

describe('real-world set: fixtures', () => {
  const all = [...loadReal('dev'), ...loadReal('test')];

  it('the test half is the frozen one', () => {
    expect(realHash('test')).toBe(FROZEN_TEST_HASH);
  });

  it('has at least 40 coverage articles and 15 near misses, split by outlet group', () => {
    expect(all.filter((a) => a.kind === 'coverage').length).toBeGreaterThanOrEqual(40);
    expect(all.filter((a) => a.kind === 'near-miss').length).toBeGreaterThanOrEqual(15);
    for (const half of ['dev', 'test'] as const)
      expect(loadReal(half).filter((a) => a.kind === 'coverage').length).toBeGreaterThanOrEqual(20);
    const halfOf = new Map<string, string>();
    for (const a of all) {
      expect(a.group, a.name).toBeTruthy();
      const seen = halfOf.get(a.group!);
      if (seen) expect(seen, `${a.name}: group ${a.group} in both halves`).toBe(a.half);
      halfOf.set(a.group!, a.half);
    }
  });

  it('every article is labelled, from an outlet outside the corpus, and every label names a real corpus statement', () => {
    const corpusSites = ['aawsat.com', 'themoscowtimes.com', 'post-truth.eu', 'arabnews.com'];
    for (const a of all) {
      expect(a.unlabelled, a.name).toBeUndefined();
      expect(
        corpusSites.some((s) => a.site.endsWith(s)),
        a.name,
      ).toBe(false);
      expect(a.url).toMatch(/^https?:\/\//);
      for (const p of a.paragraphs) {
        expect(p.text.trim().length, a.name).toBeGreaterThan(0);
        if (!p.body) expect(p.expect ?? [], a.name).toEqual([]);
        for (const l of [...(p.expect ?? []), ...(p.borderline ?? [])]) {
          const hit = statements.filter((s) => s.source === l.source && comparisonKey(s.text).includes(comparisonKey(l.statementContains)));
          expect(hit.length, `${a.name}: ${l.statementContains.slice(0, 60)}`).toBe(1);
        }
      }
      if (a.kind === 'near-miss') expect(a.paragraphs.flatMap((p) => p.expect ?? [])).toEqual([]);
    }
  });
});

describe('real-world set: scoring', () => {
  const article: RealArticle = {
    name: 'x',
    half: 'dev',
    url: 'https://example.org/a',
    site: 'example.org',
    outlet: 'Example',
    wire: null,
    date: '2025-02-18',
    title: 'T',
    kind: 'coverage',
    event: '',
    style: '',
    paragraphs: [
      { text: 'caption', body: false, why: 'caption' },
      {
        text: 'one',
        body: true,
        expect: [{ stance: 'corroborates', source: 'a', statementContains: 'Alpha statement' }],
        borderline: [{ source: 'b', statementContains: 'Beta statement' }],
      },
      { text: 'two', body: true, expect: [{ stance: 'conflicts', source: 'a', statementContains: 'Gamma statement' }] },
    ],
  };
  const st = [
    { source: 'a', text: 'Alpha statement.' },
    { source: 'b', text: 'Beta statement.' },
    { source: 'a', text: 'Gamma statement.' },
    { source: 'a', text: 'Delta statement.' },
  ];
  const m = (stance: 'corroborates' | 'conflicts' | 'related', sourceId: string, statement: string) => ({
    stance,
    source: sourceId,
    sourceId,
    article: '',
    statement,
    score: 1,
    reason: '',
  });
  const report = (lists: ReturnType<typeof m>[][]) => ({
    title: 'T',
    coverage: { isCoverage: true, score: 1, reason: '' },
    self: null,
    paragraphs: lists.map((matches, index) => ({ index, text: '', matches })),
  });

  it('counts body paragraphs only, ignores borderline and related listings, and counts a wrong stance both ways', () => {
    const s = scoreReal(
      article,
      report([
        [m('corroborates', 'a', 'Alpha statement.'), m('corroborates', 'b', 'Beta statement.'), m('related', 'a', 'Delta statement.')],
        [m('corroborates', 'a', 'Gamma statement.'), m('conflicts', 'a', 'Delta statement.')],
      ]),
      st,
    );
    expect(s.counts.corroborates).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.counts.conflicts).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(s.gateRight).toBe(true);
  });

  it('a near miss is right only when the gate refuses it, and every listing on it counts', () => {
    const miss = { ...article, kind: 'near-miss' as const };
    const s = scoreReal(miss, report([[m('corroborates', 'a', 'Alpha statement.')], []]), st);
    expect(s.gateRight).toBe(false);
    expect(s.listedOnNearMiss).toBe(1);
  });
});

describe('real-world set: the engine', () => {
  it('prints the contract of `npm run eval -- --real --json`', () => {
    const out = execFileSync('npx', ['tsx', 'tools/eval.ts', '--real', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const j = JSON.parse(out) as Record<string, Record<string, unknown>>;
    for (const half of ['dev', 'test']) {
      const h = j[half]!;
      expect(h.articles).toBe(r.halves[half as 'dev' | 'test'].articles);
      for (const k of ['corroborates', 'conflicts']) expect(Object.keys(h[k] as object).sort()).toEqual(['f1', 'p', 'r']);
      expect(Object.keys(h.gate as object).sort()).toEqual(['right', 'total']);
      expect(typeof h.nearMissMatches).toBe('number');
    }
  }, 60_000);

  it('frozen test half: figures at or above their floors', () => {
    const t = r.halves.test;
    expect(t.corroborates.f1).toBeGreaterThanOrEqual(FLOORS.corroboratesF1);
    expect(t.corroborates.p).toBeGreaterThanOrEqual(FLOORS.corroboratesP);
    expect(t.conflictsWithGold.f1).toBeGreaterThanOrEqual(FLOORS.conflictsWithGoldF1);
    expect(t.gate.right / t.gate.total).toBeGreaterThanOrEqual(FLOORS.gate);
    expect(t.nearMissMatches).toBeLessThanOrEqual(FLOORS.nearMissMatches);
  });
});

// Just under the frozen half's figures (npm run eval -- --real).
const FLOORS = { corroboratesF1: 0.65, corroboratesP: 0.67, conflictsWithGoldF1: 0.62, gate: 0.94, nearMissMatches: 26 };
