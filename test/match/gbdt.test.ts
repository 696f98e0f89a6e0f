// Checks the GBDT trainer/predictor on synthetic problems: accuracy, determinism, JSON round-trip, NaN and weights.
import { describe, it, expect } from 'vitest';
import { predictProba, predictProbaInto, predictClass, type GbdtModel } from '../../lib/match/gbdt';
import { trainGbdt, featureImportance, mulberry32 } from '../../tools/gbdt-train';

function accuracy(model: GbdtModel, X: number[][], y: number[]): number {
  let ok = 0;
  for (let i = 0; i < X.length; i++) if (predictClass(model, X[i]) === y[i]) ok++;
  return ok / X.length;
}

function logLoss(model: GbdtModel, X: number[][], y: number[]): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) s -= Math.log(Math.max(predictProba(model, X[i])[y[i]], 1e-15));
  return s / X.length;
}

/** XOR of two signs plus distractor features. */
function xorData(n: number, seed: number): { X: number[][]; y: number[] } {
  const rand = mulberry32(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = [rand() * 2 - 1, rand() * 2 - 1, rand(), rand()];
    X.push(row);
    y.push(row[0] > 0 !== row[1] > 0 ? 1 : 0);
  }
  return { X, y };
}

/** Four Gaussian-ish blobs in 3 informative + 2 noise dimensions. */
function blobData(n: number, seed: number): { X: number[][]; y: number[] } {
  const rand = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const centres = [
    [2, 0, 0],
    [0, 2, 0],
    [0, 0, 2],
    [-2, -2, -2],
  ];
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 4;
    X.push([...centres[c].map((m) => m + 0.6 * gauss()), rand(), gauss()]);
    y.push(c);
  }
  return { X, y };
}

/** Label follows a noisy threshold on x0 and flips 25% of the time; other columns are noise. */
function noisyData(n: number, seed: number): { X: number[][]; y: number[] } {
  const rand = mulberry32(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = [rand() * 2 - 1, rand(), rand(), rand(), rand()];
    let label = row[0] + 0.3 * (rand() - 0.5) > 0.2 ? 1 : 0;
    if (rand() < 0.25) label = 1 - label;
    X.push(row);
    y.push(label);
  }
  return { X, y };
}

describe('trainGbdt / predict', () => {
  it('learns an XOR pattern that no single split can', () => {
    const train = xorData(3000, 1);
    const test = xorData(1000, 2);
    const model = trainGbdt(train.X, train.y, {
      classes: ['same', 'diff'],
      features: ['a', 'b', 'n1', 'n2'],
      rounds: 60,
      maxDepth: 3,
      learningRate: 0.3,
      minLeaf: 5,
    });
    expect(accuracy(model, test.X, test.y)).toBeGreaterThan(0.95);
    const imp = featureImportance(model);
    expect(imp.a + imp.b).toBeGreaterThan(10 * (imp.n1 + imp.n2));
    const splits = featureImportance(model, 'split');
    expect(splits.a).toBeGreaterThan(0);
    expect(Object.keys(splits)).toEqual(['a', 'b', 'n1', 'n2']);
  });

  it('separates four classes with softmax', () => {
    const train = blobData(4000, 3);
    const test = blobData(2000, 4);
    const losses: number[] = [];
    const model = trainGbdt(train.X, train.y, {
      classes: ['agree', 'disagree', 'discuss', 'unrelated'],
      features: ['x', 'y', 'z', 'u', 'g'],
      rounds: 80,
      maxDepth: 4,
      onRound: (_r, loss) => losses.push(loss),
    });
    expect(model.trees).toHaveLength(80);
    expect(model.trees.every((round) => round.length === 4)).toBe(true);
    expect(losses).toHaveLength(80);
    expect(losses[79]).toBeLessThan(losses[0]);
    expect(accuracy(model, test.X, test.y)).toBeGreaterThan(0.95);
  });

  it('beats a constant predictor on held-out noisy data', () => {
    const train = noisyData(4000, 5);
    const test = noisyData(2000, 6);
    const model = trainGbdt(train.X, train.y, {
      classes: ['no', 'yes'],
      features: ['signal', 'n1', 'n2', 'n3', 'n4'],
      rounds: 100,
      maxDepth: 3,
      learningRate: 0.05,
      subsample: 0.8,
      colsample: 0.8,
    });
    const pYes = train.y.reduce((s, v) => s + v, 0) / train.y.length;
    const constLoss = -test.y.reduce((s, v) => s + Math.log(v ? pYes : 1 - pYes), 0) / test.y.length;
    const majority = Math.max(...[0, 1].map((c) => test.y.filter((v) => v === c).length / test.y.length));
    expect(logLoss(model, test.X, test.y)).toBeLessThan(constLoss - 0.05);
    expect(accuracy(model, test.X, test.y)).toBeGreaterThan(majority + 0.05);
  });

  it('is deterministic for a fixed seed and varies with the seed', () => {
    const { X, y } = blobData(1500, 7);
    const opts = {
      classes: ['a', 'b', 'c', 'd'],
      features: ['x', 'y', 'z', 'u', 'g'],
      rounds: 20,
      subsample: 0.7,
      colsample: 0.6,
      seed: 42,
    };
    const a = JSON.stringify(trainGbdt(X, y, opts));
    const b = JSON.stringify(trainGbdt(X, y, opts));
    const c = JSON.stringify(trainGbdt(X, y, { ...opts, seed: 43 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('predicts identically after a JSON round-trip, with probabilities summing to 1', () => {
    const train = blobData(2000, 8);
    const test = blobData(300, 9);
    const model = trainGbdt(train.X, train.y, {
      classes: ['a', 'b', 'c', 'd'],
      features: ['x', 'y', 'z', 'u', 'g'],
      rounds: 30,
      maxDepth: 5,
    });
    const copy = JSON.parse(JSON.stringify(model)) as GbdtModel;
    const out = new Float64Array(4);
    for (const x of test.X) {
      const p = predictProba(model, x);
      expect(predictProba(copy, Float64Array.from(x))).toEqual(p);
      expect(Array.from(predictProbaInto(copy, x, out))).toEqual(p);
      expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      expect(p.every((v) => v > 0 && v < 1)).toBe(true);
      expect(predictClass(copy, x)).toBe(p.indexOf(Math.max(...p)));
    }
  });

  it('handles NaN in training and prediction: NaN goes left, like a value below every threshold', () => {
    const rand = mulberry32(10);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const row = [rand() * 2 - 1, rand() * 2 - 1, rand()];
      y.push(row[0] + 0.5 * row[1] > 0 ? 1 : 0);
      if (rand() < 0.2) row[1] = NaN;
      if (rand() < 0.05) row[0] = NaN;
      X.push(row);
    }
    const model = trainGbdt(X, y, { classes: ['neg', 'pos'], features: ['a', 'b', 'c'], rounds: 40, maxDepth: 4 });
    const clean = X.map((r, i) => [r, y[i]] as const).filter(([r]) => !r.some(Number.isNaN));
    expect(
      accuracy(
        model,
        clean.map((c) => c[0]),
        clean.map((c) => c[1]),
      ),
    ).toBeGreaterThan(0.9);

    for (const row of [
      [NaN, 0.3, 0.5],
      [0.4, NaN, 0.5],
      [NaN, NaN, NaN],
    ]) {
      const p = predictProba(model, row);
      expect(p.every(Number.isFinite)).toBe(true);
      expect(p[0] + p[1]).toBeCloseTo(1, 12);
      const veryLow = row.map((v) => (Number.isNaN(v) ? -1e300 : v));
      expect(p).toEqual(predictProba(model, veryLow));
    }
  });

  it('shifts predictions toward an up-weighted class', () => {
    // Features carry no signal, so the model can only learn the (weighted) base rate.
    const rand = mulberry32(11);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 2000; i++) {
      X.push([rand(), rand()]);
      y.push(i % 3 === 0 ? 1 : 0);
    }
    const opts = { classes: ['common', 'rare'], features: ['a', 'b'], rounds: 20, maxDepth: 2, minLeaf: 50 };
    const plain = trainGbdt(X, y, opts);
    const weighted = trainGbdt(X, y, { ...opts, sampleWeight: y.map((c) => (c === 1 ? 4 : 1)) });
    const probe = [0.5, 0.5];
    const pPlain = predictProba(plain, probe)[1];
    const pWeighted = predictProba(weighted, probe)[1];
    expect(pPlain).toBeLessThan(0.45);
    expect(pWeighted).toBeGreaterThan(0.6);
    expect(accuracy(weighted, X, y)).toBeLessThan(accuracy(plain, X, y));
  });

  it('rejects malformed input', () => {
    const opts = { classes: ['a', 'b'], features: ['x'] };
    expect(() => trainGbdt([[1], [2]], [0], opts)).toThrow(/labels/);
    expect(() => trainGbdt([[1], [2]], [0, 2], opts)).toThrow(/bad label/);
    expect(() => trainGbdt([[1], [2]], [0, 1], { ...opts, sampleWeight: [1, -1] })).toThrow(/weight/);
  });
});
