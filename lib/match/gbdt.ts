// Gradient-boosted decision trees (multiclass softmax) that learn how to combine stance features.
// In the browser: model + row -> class probabilities. The trainer (offline) is tools/gbdt-train.ts.

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
  const none = {
    f: new Int32Array(0),
    t: new Float64Array(0),
    l: new Int32Array(0),
    r: new Int32Array(0),
    v: new Float64Array(0),
    roots: new Int32Array(0),
  };
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
