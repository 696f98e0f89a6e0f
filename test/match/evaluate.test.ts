// Scoring helpers of lib/match/evaluate.ts: the paragraph bootstrap behind `npm run eval`'s intervals.
import { describe, expect, it } from 'vitest';
import { bootstrapF1, prf, type Counts } from '../../tools/evaluate';

const sum = (cs: Counts[]) => cs.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });

describe('bootstrapF1', () => {
  const mixed: Counts[] = Array.from({ length: 40 }, (_, i) => ({
    tp: i % 5 === 0 ? 0 : 2,
    fp: i % 7 === 0 ? 1 : 0,
    fn: i % 4 === 0 ? 1 : 0,
  }));

  it('brackets the pooled F1 and is the same on every run (seeded)', () => {
    const f1 = prf(sum(mixed)).f1;
    const a = bootstrapF1(mixed),
      b = bootstrapF1(mixed);
    expect(a).toEqual(b);
    expect(a.low).toBeLessThan(f1);
    expect(a.high).toBeGreaterThan(f1);
    expect(a.low).toBeGreaterThan(0.5);
  });

  it('narrows as the same kind of evidence grows', () => {
    const small = bootstrapF1(mixed.slice(0, 10));
    const large = bootstrapF1([...mixed, ...mixed, ...mixed, ...mixed]);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });

  it('has no width when every paragraph scores the same, and ignores paragraphs with no counts', () => {
    const same = Array.from({ length: 12 }, () => ({ tp: 3, fp: 1, fn: 0 }));
    const f1 = prf({ tp: 3, fp: 1, fn: 0 }).f1;
    expect(bootstrapF1([...same, { tp: 0, fp: 0, fn: 0 }])).toEqual({ low: f1, high: f1 });
    expect(bootstrapF1([])).toEqual({ low: 1, high: 1 });
  });
});
