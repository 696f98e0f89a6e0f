// The engine's evaluation on the gold set (test/fixtures/gold), asserted. `npm run eval` prints the
// same figures. The targets are corroborates F1 ≥ 0.90 and conflicts F1 ≥ 0.80 with no match
// on near-miss pages; the gate and near-miss targets are met and asserted here, and the F1 figures
// are asserted as floors just under what the engine reaches on the HELD-OUT pages (never used for
// fitting), so a regression fails the build. README and the issue note give the gap to the targets.
import { describe, expect, it } from 'vitest';
import { evaluateGold } from '../../scripts/gold';

const r = evaluateGold();

describe('engine evaluation on the gold set', () => {
  it('the gate accepts every coverage page and rejects every near-miss page', () => {
    expect(r.bySplit.all.gateAccuracy).toBe(1);
    expect(r.pages.filter((p) => p.kind === 'near-miss').length).toBeGreaterThanOrEqual(4);
    expect(r.pages.filter((p) => p.kind === 'coverage').length).toBeGreaterThanOrEqual(6);
  });

  it('lists no corroborating or conflicting statement on near-miss pages', () => {
    expect(r.bySplit.all.nearMissMatches).toBe(0);
    for (const p of r.pages.filter((x) => x.kind === 'near-miss')) expect(p.report.paragraphs.every((q) => q.matches.length === 0)).toBe(true);
  });

  it('corroborations on held-out pages: F1 and precision above their floors', () => {
    const c = r.bySplit.holdout.corroborates;
    expect(c.f1).toBeGreaterThanOrEqual(0.5);
    expect(c.precision).toBeGreaterThanOrEqual(0.55);
  });

  it('corroborations on all gold pages: F1 above its floor', () => {
    expect(r.bySplit.all.corroborates.f1).toBeGreaterThanOrEqual(0.7);
  });

  it('conflicts on all gold pages: precision and recall above their floors', () => {
    const k = r.bySplit.all.conflicts;
    expect(k.tp).toBeGreaterThan(0);
    expect(k.precision).toBeGreaterThanOrEqual(0.35);
    expect(k.recall).toBeGreaterThanOrEqual(0.3);
  });

  it('labelled corpus pairs: corroborating pairs are found', () => {
    expect(r.pairs.perLabel.corroborates.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.pairs.accuracy).toBeGreaterThanOrEqual(0.55);
  });
});
