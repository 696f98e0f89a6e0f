// Gradient-boosted decision trees (multiclass softmax) that learn how to combine stance features.
// Offline: numeric feature rows + class labels -> compact JSON GbdtModel; in the browser: model + row -> class probabilities.

/**
 * One regression tree as parallel arrays indexed by node id (root = 0).
 * Internal node n: go to r[n] when x[f[n]] > t[n], otherwise to l[n] (so NaN goes left).
 * Leaf n: f[n] = -1 and v[n] is its contribution to the class score
 * (already multiplied by the learning rate); t, l and r are 0 at leaves, v is 0 at internal nodes.
 */
export interface CompactTree {
  f: number[];
  t: number[];
  l: number[];
  r: number[];
  v: number[];
}

export interface GbdtModel {
  version: 1;
  classes: string[];
  features: string[];
  /** Initial raw score per class (centred log prior of the weighted training labels). */
  baseScore: number[];
  /** Recorded for provenance only: leaf values already include it. */
  learningRate: number;
  /** trees[round][classIndex]. */
  trees: CompactTree[][];
  /** Total split gain per feature (same order as `features`); optional so hand-made models stay valid. */
  gain?: number[];
}

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
 * A model flattened to typed arrays, built once per model object and cached.
 * Shallow models (the normal case) use a complete-binary-tree ("heap") layout: every tree is padded
 * to the same depth D, so a traversal is exactly D compare-and-step moves with no data-dependent
 * branches, and four trees can be walked in lockstep to overlap their memory latency.
 * That runs ~4x faster than following child pointers. Deep models fall back to pointers.
 */
interface Compiled {
  K: number;
  T: number;
  base: Float64Array;
  /** Heap layout (D > 0): per tree nInt internal nodes (children of i at 2i+1, 2i+2), then 2^D leaves. */
  D: number;
  nInt: number;
  feat: Int32Array;
  thr: Float64Array;
  leaf: Float64Array;
  /** Pointer layout (D = -1): absolute node indices over all trees. */
  f: Int32Array;
  t: Float64Array;
  l: Int32Array;
  r: Int32Array;
  v: Float64Array;
  roots: Int32Array;
}

/** Beyond this depth the padded layout costs more memory (2^D per tree) than it saves in time. */
const MAX_HEAP_DEPTH = 8;

const compiledCache = new WeakMap<GbdtModel, Compiled>();

function treeDepth(tree: CompactTree): number {
  let max = 0;
  const stack = [0, 0];
  while (stack.length) {
    const d = stack.pop() as number;
    const n = stack.pop() as number;
    if (tree.f[n] < 0) max = Math.max(max, d);
    else stack.push(tree.l[n], d + 1, tree.r[n], d + 1);
  }
  return max;
}

function compile(model: GbdtModel): Compiled {
  const hit = compiledCache.get(model);
  if (hit) return hit;
  const K = model.classes.length;
  if (model.version !== 1) throw new Error(`gbdt: unsupported model version ${String(model.version)}`);
  if (model.baseScore.length !== K) throw new Error('gbdt: baseScore length does not match classes');
  const flat: CompactTree[] = [];
  for (const round of model.trees) {
    if (round.length !== K) throw new Error('gbdt: each round needs one tree per class');
    flat.push(...round);
  }
  const T = flat.length;
  let D = 0;
  let total = 0;
  for (const tree of flat) {
    D = Math.max(D, treeDepth(tree));
    total += tree.f.length;
  }
  const none = { f: new Int32Array(0), t: new Float64Array(0), l: new Int32Array(0), r: new Int32Array(0), v: new Float64Array(0), roots: new Int32Array(0) };
  let c: Compiled;
  if (D <= MAX_HEAP_DEPTH) {
    const nInt = (1 << D) - 1;
    const nLeaf = 1 << D;
    const feat = new Int32Array(T * nInt);
    const thr = new Float64Array(T * nInt);
    const leaf = new Float64Array(T * nLeaf);
    flat.forEach((tree, j) => {
      const place = (node: number, h: number, d: number): void => {
        if (d === D) {
          leaf[j * nLeaf + h - nInt] = tree.v[node];
        } else if (tree.f[node] < 0) {
          // Pad a shallow leaf: both subtrees repeat its value, so the (dummy) comparison cannot matter.
          feat[j * nInt + h] = 0;
          thr[j * nInt + h] = Infinity;
          place(node, 2 * h + 1, d + 1);
          place(node, 2 * h + 2, d + 1);
        } else {
          feat[j * nInt + h] = tree.f[node];
          thr[j * nInt + h] = tree.t[node];
          place(tree.l[node], 2 * h + 1, d + 1);
          place(tree.r[node], 2 * h + 2, d + 1);
        }
      };
      place(0, 0, 0);
    });
    c = { K, T, base: Float64Array.from(model.baseScore), D, nInt, feat, thr, leaf, ...none };
  } else {
    const f = new Int32Array(total);
    const t = new Float64Array(total);
    const l = new Int32Array(total);
    const r = new Int32Array(total);
    const v = new Float64Array(total);
    const roots = new Int32Array(T);
    let at = 0;
    flat.forEach((tree, j) => {
      roots[j] = at;
      const m = tree.f.length;
      for (let q = 0; q < m; q++) {
        f[at + q] = tree.f[q];
        t[at + q] = tree.t[q];
        l[at + q] = at + tree.l[q];
        r[at + q] = at + tree.r[q];
        v[at + q] = tree.v[q];
      }
      at += m;
    });
    c = { K, T, base: Float64Array.from(model.baseScore), D: -1, nInt: 0, feat: none.l, thr: none.t, leaf: none.v, f, t, l, r, v, roots };
  }
  compiledCache.set(model, c);
  return c;
}

// `(a > b) | 0` is false (0) for NaN and undefined, so a missing value steps left like the trainer assumed;
// the arithmetic form lets V8 avoid a hard-to-predict branch.
const gt = (a: number, b: number): number => (a > b) as unknown as number | 0;

/** Raw (pre-softmax) class scores of x into out[0..K). Trees are summed in model order, so results are reproducible. */
function rawScores(c: Compiled, x: ArrayLike<number>, out: Float64Array): void {
  const { K, T, D } = c;
  for (let k = 0; k < K; k++) out[k] = c.base[k];
  if (D < 0) {
    const { f, t, l, r, v, roots } = c;
    for (let j = 0; j < T; j++) {
      let node = roots[j];
      let fi: number;
      while ((fi = f[node]) >= 0) node = x[fi] > t[node] ? r[node] : l[node];
      out[j % K] += v[node];
    }
    return;
  }
  const { nInt, feat, thr, leaf } = c;
  const nLeaf = nInt + 1;
  let j = 0;
  for (; j + 4 <= T; j += 4) {
    const b0 = j * nInt;
    const b1 = b0 + nInt;
    const b2 = b1 + nInt;
    const b3 = b2 + nInt;
    let i0 = 0;
    let i1 = 0;
    let i2 = 0;
    let i3 = 0;
    for (let d = 0; d < D; d++) {
      i0 = 2 * i0 + 1 + gt(x[feat[b0 + i0]], thr[b0 + i0]);
      i1 = 2 * i1 + 1 + gt(x[feat[b1 + i1]], thr[b1 + i1]);
      i2 = 2 * i2 + 1 + gt(x[feat[b2 + i2]], thr[b2 + i2]);
      i3 = 2 * i3 + 1 + gt(x[feat[b3 + i3]], thr[b3 + i3]);
    }
    const lb = j * nLeaf - nInt;
    out[j % K] += leaf[lb + i0];
    out[(j + 1) % K] += leaf[lb + nLeaf + i1];
    out[(j + 2) % K] += leaf[lb + 2 * nLeaf + i2];
    out[(j + 3) % K] += leaf[lb + 3 * nLeaf + i3];
  }
  for (; j < T; j++) {
    const b = j * nInt;
    let i = 0;
    for (let d = 0; d < D; d++) i = 2 * i + 1 + gt(x[feat[b + i]], thr[b + i]);
    out[j % K] += leaf[j * nLeaf + i - nInt];
  }
}

let scratch = new Float64Array(8);

function scoresFor(model: GbdtModel, x: ArrayLike<number>): Compiled {
  const c = compile(model);
  if (scratch.length < c.K) scratch = new Float64Array(c.K);
  rawScores(c, x, scratch);
  return c;
}

/**
 * Class probabilities for one row written into `out` (length >= number of classes); returns `out`.
 * x[f] follows model.features order; NaN (or a missing entry) always takes the left branch,
 * i.e. it is treated like a value below every threshold.
 * The model is compiled to typed arrays on first use and cached by object identity: do not mutate it afterwards.
 */
export function predictProbaInto<T extends number[] | Float64Array>(model: GbdtModel, x: ArrayLike<number>, out: T): T {
  const K = scoresFor(model, x).K;
  let mx = -Infinity;
  for (let k = 0; k < K; k++) if (scratch[k] > mx) mx = scratch[k];
  let s = 0;
  for (let k = 0; k < K; k++) s += Math.exp(scratch[k] - mx);
  for (let k = 0; k < K; k++) out[k] = Math.exp(scratch[k] - mx) / s;
  return out;
}

/** Class probabilities (softmax, in model.classes order) for one row; NaN features go left. */
export function predictProba(model: GbdtModel, x: ArrayLike<number>): number[] {
  return predictProbaInto(model, x, new Array<number>(model.classes.length).fill(0));
}

/** Index into model.classes of the most probable class (lowest index on ties); allocation-free. */
export function predictClass(model: GbdtModel, x: ArrayLike<number>): number {
  const K = scoresFor(model, x).K;
  // Softmax is monotone, so the argmax of raw scores is the argmax of probabilities.
  let best = 0;
  for (let k = 1; k < K; k++) if (scratch[k] > scratch[best]) best = k;
  return best;
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
