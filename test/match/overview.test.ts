// The overview seen from a page: which key points the page touches (they come first, counted), what
// the page says of each, and which outlets its paragraphs conflict with there.
import { describe, expect, it } from 'vitest';
import { buildOverview, forPage, type Overview } from '../../lib/match/overview';
import type { Match, XrefReport } from '../../lib/core/report';
import { bundledMatcher } from '../../tools/page-pipeline';

const match = (stance: Match['stance'], statementId: string, sourceId: string): Match => ({
  stance,
  source: sourceId.toUpperCase(),
  sourceId,
  article: 'a',
  statement: 's',
  statementId,
  score: 1,
  reason: 'r',
});
const report = (...matches: Match[][]): XrefReport => ({
  title: 't',
  coverage: { isCoverage: true, score: 1, reason: '' },
  self: null,
  paragraphs: matches.map((m, index) => ({ index, text: `p${index}`, matches: m })),
});
const OV: Overview = {
  outlets: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
    { id: 'c', name: 'C' },
  ],
  rows: [
    { claim: 'one', cells: { a: 'confirms', b: 'confirms', c: 'none' }, statements: ['a1', 'b1'], conflict: null, linked: [] },
    { claim: 'two', cells: { a: 'confirms', b: 'confirms', c: 'contradicts' }, statements: ['a2', 'b2'], conflict: 'x', linked: ['c2'] },
    { claim: 'three', cells: { a: 'confirms', b: 'confirms', c: 'mentions' }, statements: ['a3', 'b3'], conflict: null, linked: ['c3'] },
  ],
};

describe('forPage', () => {
  it('puts the touched key points first, counts them, and keeps the existing fields', () => {
    const ov = forPage(OV, report([match('corroborates', 'b3', 'b')], [match('related', 'c2', 'c')]));
    expect(ov.touched).toBe(2);
    expect(ov.rows.map((r) => [r.claim, r.page])).toEqual([
      ['two', 'related'],
      ['three', 'corroborates'],
      ['one', 'none'],
    ]);
    expect(ov.outlets).toEqual(OV.outlets);
    expect(ov.rows[0]!.cells).toEqual(OV.rows[1]!.cells);
    expect(ov.rows[0]!.statements).toEqual(['a2', 'b2']);
  });

  it('a conflict outranks a corroboration and names the outlets the page conflicts with, in column order', () => {
    const ov = forPage(OV, report([match('corroborates', 'a1', 'a'), match('conflicts', 'b1', 'b')], [match('conflicts', 'a1', 'a')]));
    expect(ov.rows[0]).toMatchObject({ claim: 'one', page: 'conflicts', pageConflicts: ['a', 'b'] });
    expect(ov.rows.slice(1).every((r) => r.page === 'none' && r.pageConflicts!.length === 0)).toBe(true);
  });

  it('a conflict with a statement no row holds becomes a key point of its own, with the conflicts first, one per paragraph', () => {
    const strong = { ...match('conflicts', 'c9', 'c'), statement: 'C says otherwise', score: 3 };
    const weak = { ...match('conflicts', 'a9', 'a'), statement: 'A says otherwise', score: 1 };
    const ov = forPage(OV, report([match('corroborates', 'a1', 'a'), weak, strong], [match('conflicts', 'c9', 'c')]));
    expect(ov.touched).toBe(2);
    expect(ov.rows[1]!.claim).toBe('one');
    expect(ov.rows[0]).toEqual({
      claim: 'C says otherwise',
      cells: { a: 'confirms', b: 'none', c: 'confirms' },
      statements: ['c9', 'a9'],
      conflict: null,
      linked: [],
      page: 'conflicts',
      pageConflicts: ['a', 'c'],
      fromPage: true,
    });
    expect(ov.rows.length).toBe(4);
  });

  it('a page with no matches touches nothing', () => {
    const ov = forPage(OV, report([], []));
    expect(ov.touched).toBe(0);
    expect(ov.rows.map((r) => r.claim)).toEqual(['one', 'two', 'three']);
  });
});

describe('buildOverview on the bundled corpus', () => {
  it('lists, per row, the statements behind its contradicting and mentioning cells', () => {
    const m = bundledMatcher();
    const ov = buildOverview(m);
    const source = new Map(m.data.statements.map((s) => [s.id, s.source]));
    expect(ov.rows.length).toBeGreaterThan(0);
    for (const r of ov.rows) {
      const marked = Object.entries(r.cells)
        .filter(([, c]) => c === 'contradicts' || c === 'mentions')
        .map(([o]) => o)
        .sort();
      expect([...new Set(r.linked!.map((id) => source.get(id)!))].sort()).toEqual(marked);
    }
  });
});
