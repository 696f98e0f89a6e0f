// Gradient-boosted decision trees, the trainer: numeric feature rows + class labels -> compact JSON
// GbdtModel (lib/match/gbdt.ts predicts with it in the browser). Offline only.
import type { CompactTree, GbdtModel } from '../lib/match/gbdt';

export interface TrainOptions {
  classes: string[];
  features: string[];
  /** Boosting rounds; each adds one tree per class. Default 100. */
  rounds?: number;
  /** Shrinkage applied to every leaf. Default 0.1. */
  learningRate?: number;
  /** Maximum tree depth (root = depth 0). Default 5. */
  maxDepth?: number;
  /** Minimum training rows per leaf. Default 20. */
  minLeaf?: number;
  /** Maximum value bins per feature (2..255); NaN gets its own extra bin. Default 64. */
  bins?: number;
  /** Fraction of rows drawn (without replacement, per round) for each round's trees. Default 1. */
  subsample?: number;
  /** Fraction of features each tree may split on. Default 1. */
  colsample?: number;
  /** L2 penalty on leaf values (lambda). Default 1. */
  l2?: number;
  /** PRNG seed for subsample/colsample. Default 1. */
  seed?: number;
  /** Non-negative per-row weight, e.g. inverse class frequency. Default all 1. */
  sampleWeight?: number[];
  /** Called after each round with the weighted mean cross-entropy on all training rows. */
  onRound?: (round: number, trainLoss: number) => void;
}

/** Small, fast, seedable PRNG (mulberry32) so training is reproducible across runs and machines. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

const round6 = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(6)));

/**
 * A threshold t with lo <= t < hi: the midpoint rounded to the fewest significant digits that stay
 * inside the gap, so the JSON stays small. Binning uses these exact thresholds, so training and the
 * shipped model split every training value the same way.
 */
function cutBetween(lo: number, hi: number): number {
  const mid = lo / 2 + hi / 2;
  for (let p = 1; p <= 17; p++) {
    const c = Number(mid.toPrecision(p));
    if (c >= lo && c < hi) return c === 0 ? 0 : c;
  }
  return lo;
}

/** Ascending cut points splitting `sorted` (finite values) into at most maxBins roughly equal-count bins. */
function cutPoints(sorted: Float64Array, maxBins: number): number[] {
  const n = sorted.length;
  const cuts: number[] = [];
  if (n === 0) return cuts;
  let distinct = 1;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  if (distinct <= maxBins) {
    for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) cuts.push(cutBetween(sorted[i - 1], sorted[i]));
    return cuts;
  }
  let lastLo = -Infinity;
  for (let k = 1; k < maxBins; k++) {
    const lo = sorted[Math.floor((k * n) / maxBins)];
    if (lo <= lastLo) continue; // a heavy tie already swallowed this quantile
    // Cut after the whole run of `lo` so equal values never straddle a bin edge.
    let a = 0;
    let b = n;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (sorted[m] <= lo) a = m + 1;
      else b = m;
    }
    if (a >= n) break;
    cuts.push(cutBetween(lo, sorted[a]));
    lastLo = lo;
  }
  return cuts;
}

interface Binned {
  /** Row-major bin codes: codes[i * F + f]; 0 = NaN, 1 + (number of thresholds below the value) otherwise. */
  codes: Uint8Array;
  thresholds: Float64Array[];
  /** Bins per feature including the NaN bin. */
  nBins: Int32Array;
  /** Start of each feature's bins in a histogram. */
  offset: Int32Array;
  totalBins: number;
}

function binFeatures(X: ArrayLike<number>[], F: number, maxBins: number): Binned {
  const n = X.length;
  const codes = new Uint8Array(n * F);
  const thresholds: Float64Array[] = [];
  const nBins = new Int32Array(F);
  const offset = new Int32Array(F);
  const vals = new Float64Array(n);
  let totalBins = 0;
  for (let f = 0; f < F; f++) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const x = X[i][f];
      if (Number.isFinite(x)) vals[m++] = x;
    }
    const thr = Float64Array.from(cutPoints(vals.subarray(0, m).sort(), maxBins));
    thresholds.push(thr);
    nBins[f] = thr.length + 2;
    offset[f] = totalBins;
    totalBins += nBins[f];
    for (let i = 0; i < n; i++) {
      const x = X[i][f];
      let code = 0;
      if (x === x) {
        let a = 0;
        let b = thr.length;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (thr[mid] < x) a = mid + 1;
          else b = mid;
        }
        code = a + 1;
      }
      codes[i * F + f] = code;
    }
  }
  return { codes, thresholds, nBins, offset, totalBins };
}

/**
 * Fit a multiclass softmax GBDT (Newton leaf values with L2, histogram split finding over quantile bins).
 * X is row-major (X[i][f], features in `opts.features` order); y[i] is a class index into `opts.classes`.
 * Deterministic for a given seed. The returned model is already rounded for export, so
 * JSON.parse(JSON.stringify(model)) predicts identically.
 */
export function trainGbdt(X: Float64Array[] | number[][], y: number[], opts: TrainOptions): GbdtModel {
  const K = opts.classes.length;
  const F = opts.features.length;
  const n = X.length;
  const rounds = opts.rounds ?? 100;
  const lr = opts.learningRate ?? 0.1;
  const maxDepth = opts.maxDepth ?? 5;
  const minLeaf = Math.max(1, opts.minLeaf ?? 20);
  const maxBins = Math.min(255, Math.max(2, Math.floor(opts.bins ?? 64)));
  const subsample = opts.subsample ?? 1;
  const colsample = opts.colsample ?? 1;
  const l2 = opts.l2 ?? 1;
  const w = opts.sampleWeight;

  if (K < 2) throw new Error('gbdt: need at least 2 classes');
  if (F < 1 || F > 0x7fffffff) throw new Error('gbdt: need at least 1 feature');
  if (n === 0 || y.length !== n) throw new Error(`gbdt: ${n} rows but ${y.length} labels`);
  if (w && w.length !== n) throw new Error(`gbdt: ${n} rows but ${w.length} sample weights`);
  if (!(subsample > 0 && subsample <= 1) || !(colsample > 0 && colsample <= 1)) {
    throw new Error('gbdt: subsample and colsample must be in (0, 1]');
  }
  if (!(l2 >= 0) || !(lr > 0) || !(maxDepth >= 0)) throw new Error('gbdt: bad l2, learningRate or maxDepth');
  for (let i = 0; i < n; i++) {
    if (X[i].length < F) throw new Error(`gbdt: row ${i} has ${X[i].length} values, expected ${F}`);
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= K) throw new Error(`gbdt: bad label ${y[i]} at row ${i}`);
    if (w && !(w[i] >= 0 && Number.isFinite(w[i]))) throw new Error(`gbdt: bad sample weight at row ${i}`);
  }

  const rand = mulberry32(opts.seed ?? 1);
  const { codes, thresholds, nBins, offset, totalBins } = binFeatures(X, F, maxBins);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = w ? w[i] : 1;

  // Start from the weighted class prior so early trees model structure, not base rates.
  const prior = new Float64Array(K);
  let wSum = 0;
  for (let i = 0; i < n; i++) {
    prior[y[i]] += weight[i];
    wSum += weight[i];
  }
  if (!(wSum > 0)) throw new Error('gbdt: sample weights sum to 0');
  const logPrior = Array.from(prior, (p) => Math.log(Math.max(p / wSum, 1e-6)));
  const meanLog = logPrior.reduce((s, v) => s + v, 0) / K;
  const baseScore = logPrior.map((v) => round6(v - meanLog));

  const scores = new Float64Array(n * K);
  for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) scores[i * K + k] = baseScore[k];
  const prob = new Float64Array(n * K);

  /** Softmax of the current scores into `prob`; returns the weighted mean cross-entropy. */
  const refreshProb = (): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const o = i * K;
      let mx = -Infinity;
      for (let k = 0; k < K; k++) if (scores[o + k] > mx) mx = scores[o + k];
      let s = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp(scores[o + k] - mx);
        prob[o + k] = e;
        s += e;
      }
      for (let k = 0; k < K; k++) prob[o + k] /= s;
      loss -= weight[i] * Math.log(Math.max(prob[o + y[i]], 1e-300));
    }
    return loss / wSum;
  };
  refreshProb();

  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const bag = new Uint32Array(n);
  const oob = new Uint32Array(n);
  const rows = new Uint32Array(n);
  const tmp = new Uint32Array(n);
  const allFeats = Int32Array.from({ length: F }, (_, f) => f);
  const nColFeats = Math.max(1, Math.round(F * colsample));
  const gainByFeature = new Float64Array(F);

  // Histograms hold (sum grad, sum hess, row count) per bin; pooled because a tree needs ~2*depth at once.
  const histSize = totalBins * 3;
  const pool: Float64Array[] = [];
  const acquire = (): Float64Array => pool.pop() ?? new Float64Array(histSize);
  const release = (h: Float64Array): void => {
    pool.push(h);
  };

  const trees: CompactTree[][] = [];
  for (let round = 0; round < rounds; round++) {
    let nBag = 0;
    let nOob = 0;
    for (let i = 0; i < n; i++) {
      if (subsample >= 1 || rand() < subsample) bag[nBag++] = i;
      else oob[nOob++] = i;
    }
    if (nBag === 0) bag[nBag++] = 0;

    const roundTrees: CompactTree[] = [];
    for (let k = 0; k < K; k++) {
      let feats = allFeats;
      if (nColFeats < F) {
        // Partial Fisher-Yates, then sorted so histogram writes walk memory in order.
        const perm = Int32Array.from(allFeats);
        for (let j = 0; j < nColFeats; j++) {
          const s = j + Math.floor(rand() * (F - j));
          const t = perm[j];
          perm[j] = perm[s];
          perm[s] = t;
        }
        feats = perm.subarray(0, nColFeats).sort();
      }
      const nFeats = feats.length;

      for (let i = 0; i < n; i++) {
        const p = prob[i * K + k];
        const wi = weight[i];
        grad[i] = wi * (p - (y[i] === k ? 1 : 0));
        hess[i] = wi * Math.max(p * (1 - p), 1e-16);
      }
      rows.set(bag.subarray(0, nBag));

      const tf: number[] = [];
      const tt: number[] = [];
      const tl: number[] = [];
      const tr: number[] = [];
      const tv: number[] = [];
      const splitBin: number[] = [];

      const buildHist = (hist: Float64Array, start: number, end: number): void => {
        hist.fill(0);
        for (let p = start; p < end; p++) {
          const i = rows[p];
          const g = grad[i];
          const h = hess[i];
          const base = i * F;
          for (let j = 0; j < nFeats; j++) {
            const f = feats[j];
            const o = (offset[f] + codes[base + f]) * 3;
            hist[o] += g;
            hist[o + 1] += h;
            hist[o + 2] += 1;
          }
        }
      };

      const grow = (start: number, end: number, hist: Float64Array | null, G: number, H: number, depth: number): number => {
        const id = tf.length;
        tf.push(-1);
        tt.push(0);
        tl.push(0);
        tr.push(0);
        tv.push(0);
        splitBin.push(0);
        const C = end - start;

        let bestGain = 1e-12;
        let bestF = -1;
        let bestB = 0;
        let bestGL = 0;
        let bestHL = 0;
        let bestCL = 0;
        if (hist && depth < maxDepth && C >= 2 * minLeaf) {
          const parentScore = (G * G) / (H + l2);
          for (let j = 0; j < nFeats; j++) {
            const f = feats[j];
            const o0 = offset[f] * 3;
            const last = nBins[f] - 1;
            // Bin 0 (NaN) always sits on the left, matching `x > t ? right : left` at prediction.
            let gl = hist[o0];
            let hl = hist[o0 + 1];
            let cl = hist[o0 + 2];
            for (let b = 1; b < last; b++) {
              const o = o0 + b * 3;
              gl += hist[o];
              hl += hist[o + 1];
              cl += hist[o + 2];
              if (cl < minLeaf) continue;
              if (C - cl < minLeaf) break;
              const gr = G - gl;
              const hr = H - hl;
              const gain = 0.5 * ((gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parentScore);
              if (gain > bestGain) {
                bestGain = gain;
                bestF = f;
                bestB = b;
                bestGL = gl;
                bestHL = hl;
                bestCL = cl;
              }
            }
          }
        }

        if (bestF < 0) {
          const value = round6((-lr * G) / (H + l2));
          tv[id] = value;
          for (let p = start; p < end; p++) scores[rows[p] * K + k] += value;
          if (hist) release(hist);
          return id;
        }

        // Stable partition keeps row ids ascending inside each child, which keeps histogram reads cache-friendly.
        let a = start;
        let nt = 0;
        for (let p = start; p < end; p++) {
          const i = rows[p];
          if (codes[i * F + bestF] <= bestB) rows[a++] = i;
          else tmp[nt++] = i;
        }
        rows.set(tmp.subarray(0, nt), a);
        const mid = start + bestCL;

        tf[id] = bestF;
        tt[id] = thresholds[bestF][bestB - 1];
        splitBin[id] = bestB;
        gainByFeature[bestF] += bestGain;

        // Children at max depth become leaves without a histogram; otherwise build the smaller
        // child's histogram and get the larger one by subtraction from the parent.
        let leftHist: Float64Array | null = null;
        let rightHist: Float64Array | null = null;
        const hist0 = hist as Float64Array;
        const needL = depth + 1 < maxDepth && bestCL >= 2 * minLeaf;
        const needR = depth + 1 < maxDepth && C - bestCL >= 2 * minLeaf;
        if (needL || needR) {
          const small = acquire();
          const leftSmaller = bestCL <= C - bestCL;
          if (leftSmaller) buildHist(small, start, mid);
          else buildHist(small, mid, end);
          for (let j = 0; j < nFeats; j++) {
            const f = feats[j];
            const lo = offset[f] * 3;
            const hi = lo + nBins[f] * 3;
            for (let o = lo; o < hi; o++) hist0[o] -= small[o];
          }
          leftHist = leftSmaller ? small : hist0;
          rightHist = leftSmaller ? hist0 : small;
          if (!needL) {
            release(leftHist);
            leftHist = null;
          }
          if (!needR) {
            release(rightHist);
            rightHist = null;
          }
        } else {
          release(hist0);
        }
        tl[id] = grow(start, mid, leftHist, bestGL, bestHL, depth + 1);
        tr[id] = grow(mid, end, rightHist, G - bestGL, H - bestHL, depth + 1);
        return id;
      };

      let rootHist: Float64Array | null = null;
      let G = 0;
      let H = 0;
      for (let p = 0; p < nBag; p++) {
        G += grad[rows[p]];
        H += hess[rows[p]];
      }
      if (maxDepth > 0) {
        rootHist = acquire();
        buildHist(rootHist, 0, nBag);
      }
      grow(0, nBag, rootHist, G, H, 0);

      // Rows left out of this round's bag still need their scores advanced.
      for (let q = 0; q < nOob; q++) {
        const i = oob[q];
        let node = 0;
        while (tf[node] >= 0) node = codes[i * F + tf[node]] <= splitBin[node] ? tl[node] : tr[node];
        scores[i * K + k] += tv[node];
      }
      roundTrees.push({ f: tf, t: tt, l: tl, r: tr, v: tv });
    }
    trees.push(roundTrees);
    const loss = refreshProb();
    opts.onRound?.(round, loss);
  }

  return {
    version: 1,
    classes: opts.classes.slice(),
    features: opts.features.slice(),
    baseScore,
    learningRate: lr,
    trees,
    gain: Array.from(gainByFeature, round6),
  };
}

/**
 * Per-feature importance keyed by feature name: 'gain' = total loss reduction of the feature's splits
 * (needs model.gain, which trainGbdt always writes; falls back to split counts without it),
 * 'split' = number of splits on the feature.
 */
export function featureImportance(model: GbdtModel, kind: 'gain' | 'split' = 'gain'): Record<string, number> {
  const out: Record<string, number> = {};
  if (kind === 'gain' && model.gain && model.gain.length === model.features.length) {
    model.features.forEach((name, i) => (out[name] = model.gain![i]));
    return out;
  }
  const counts = new Array<number>(model.features.length).fill(0);
  for (const round of model.trees) for (const tree of round) for (const fi of tree.f) if (fi >= 0) counts[fi]++;
  model.features.forEach((name, i) => (out[name] = counts[i]));
  return out;
}
