// Smoke test of the benchmark code on tiny inputs, so `npm run bench` cannot rot.
// Timings are not asserted (they live in `npm run bench`); shapes and sanity are.
import { describe, expect, it } from 'vitest';
import { benchWeights, runBench } from '../tools/bench';

describe('npm run bench (quick mode)', () => {
  it('measures every figure on tiny inputs', async () => {
    const r = await runBench({ quick: true, runs: 2, scale: [1, 2], browser: false, fnc1: false });
    expect(r.gate_ms.perPage.length).toBeGreaterThan(0);
    for (const p of r.gate_ms.perPage) expect(p.ms.runs).toBe(2);
    expect(r.extract_ms[0]!.ms.median).toBeGreaterThan(0);
    expect(r.match_ms.warm.median).toBeGreaterThan(0);
    expect(r.match_ms.cold.median).toBeGreaterThan(0);
    expect(r.scale.map((s) => s.statements)).toEqual([r.scale[0]!.statements, r.scale[0]!.statements * 2]);
    expect(r.scale[1]!.indexBuildMs).toBeGreaterThanOrEqual(0);
  });

  it("finds the learned weights, each within the issue's 1 MB", () => {
    const w = benchWeights();
    for (const n of [w.stance, w.fnc1]) {
      expect(n).toBeGreaterThan(10_000);
      expect(n!).toBeLessThanOrEqual(1024 * 1024);
    }
    expect(w.wordVectors).toBeGreaterThan(100_000);
  });
});
