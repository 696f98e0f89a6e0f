// Smoke test of the benchmark code on tiny inputs, so `npm run bench` cannot rot.
// Timings are not asserted (they live in `npm run bench`); shapes and sanity are.
import { describe, expect, it } from 'vitest';
import { runBench } from '../scripts/bench';

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
});
