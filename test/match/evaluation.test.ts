// The engine's evaluation on the gold set (test/fixtures/gold), asserted. `npm run eval` prints the
// same figures. The targets (corroborates F1 ≥ 0.90, conflicts F1 ≥ 0.80, no match on
// near-miss pages) are asserted on all gold pages; the HELD-OUT pages (never used for fitting or for
// writing the claim patterns) have floors just under what the engine reaches there, so a regression
// fails the build. README and the issue note give the held-out gap to the targets.
import { describe, expect, it } from 'vitest';
import { evaluateGold } from '../../tools/gold';

const r = evaluateGold();

describe('engine evaluation on the gold set', () => {
  it('the gate accepts every coverage page and rejects every near-miss page', () => {
    expect(r.bySplit.all.gateAccuracy).toBe(1);
    expect(r.pages.filter((p) => p.kind === 'near-miss').length).toBeGreaterThanOrEqual(4);
    expect(r.pages.filter((p) => p.kind === 'coverage').length).toBeGreaterThanOrEqual(6);
  });

  it('lists no corroborating or conflicting statement on near-miss pages', () => {
    expect(r.bySplit.all.nearMissMatches).toBe(0);
    for (const p of r.pages.filter((x) => x.kind === 'near-miss'))
      expect(p.report.paragraphs.every((q) => q.matches.length === 0)).toBe(true);
  });

  it('corroborations on held-out pages: F1 and precision above their floors', () => {
    const c = r.bySplit.holdout.corroborates;
    expect(c.f1).toBeGreaterThanOrEqual(0.8);
    expect(c.precision).toBeGreaterThanOrEqual(0.8);
  });

  it("conflicts on held-out pages: precision above its floor, F1 at the issue's target (≥ 0.80)", () => {
    const k = r.bySplit.holdout.conflicts;
    expect(k.precision).toBeGreaterThanOrEqual(0.9);
    expect(k.f1).toBeGreaterThanOrEqual(0.8);
  });

  it("on all gold pages: corroborates F1 ≥ 0.90 and conflicts F1 ≥ 0.80 (the issue's targets)", () => {
    expect(r.bySplit.all.corroborates.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.bySplit.all.conflicts.f1).toBeGreaterThanOrEqual(0.8);
  });

  it("every page's counts are its paragraphs' counts (each gold entry names one paragraph the extractor found)", () => {
    for (const p of r.pages) {
      for (const st of ['corroborates', 'conflicts'] as const) {
        const sum = p.score.paragraphs.reduce((a, q) => ({ tp: a.tp + q[st].tp, fp: a.fp + q[st].fp, fn: a.fn + q[st].fn }), {
          tp: 0,
          fp: 0,
          fn: 0,
        });
        expect(sum, `${p.name} ${st}`).toEqual(p.score.counts[st]);
      }
    }
  });

  it('labelled corpus pairs: corroborating pairs are found', () => {
    expect(r.pairs.perLabel.corroborates.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.pairs.accuracy).toBeGreaterThanOrEqual(0.55);
  });
});
