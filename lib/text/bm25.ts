// Inverted index over statements and BM25 retrieval of candidates for a query's terms.
// Input: each document's terms (lib/text/analyze.ts). Output: a compact, JSON-safe index and the
// top-scoring documents for a query. Common terms are skipped at query time (their idf is ~0).

export interface Bm25Index {
  /** Term → flat postings [doc, tf, doc, tf, …] with docs ascending. */
  postings: Record<string, number[]>;
  docLen: number[];
  avgLen: number;
}

export const K1 = 1.2;
export const MAX_QUERY_TERMS = 24;
// Past this many postings a query stops adding (more common) terms: a flat cost per query however
// large the corpus grows, while a small corpus keeps every term.
export const MAX_QUERY_POSTINGS = 40_000;
const MIN_QUERY_TERMS = 4;
export const B = 0.75;

/** Builds the index; document numbers are positions in `docs`. */
export function buildBm25(docs: readonly (readonly string[])[]): Bm25Index {
  const postings: Record<string, number[]> = Object.create(null);
  const docLen = docs.map((d) => d.length);
  docs.forEach((terms, doc) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) (postings[t] ??= []).push(doc, n);
  });
  const avgLen = docLen.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
  return { postings, docLen, avgLen };
}

/** Inverse document frequency (BM25+ style, never negative). */
export function idf(index: Bm25Index, term: string): number {
  const p = index.postings[term];
  const df = p ? p.length / 2 : 0;
  const n = index.docLen.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export interface Hit {
  doc: number;
  score: number;
}

/**
 * Top `k` documents for the query terms. `allow(doc)` filters documents (other outlets only, enabled
 * sources only) before ranking. `scores` is a reusable buffer of the index's size.
 */
export function searchBm25(
  index: Bm25Index,
  terms: readonly string[],
  k: number,
  allow?: (doc: number) => boolean,
  scores?: Float64Array,
  maxTerms = MAX_QUERY_TERMS,
): Hit[] {
  const n = index.docLen.length;
  const acc = scores && scores.length >= n ? scores : new Float64Array(n);
  const touched: number[] = [];
  // The rarest terms carry the query; common ones (long postings, little weight) are dropped past
  // `maxTerms`, which keeps a query's cost flat as the corpus grows.
  const query = [...new Set(terms)]
    .filter((t) => index.postings[t])
    .map((t) => [t, idf(index, t)] as const)
    .filter(([, w]) => w >= 0.05)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxTerms);
  let budget = 0;
  for (let i = 0; i < query.length; i++) {
    budget += index.postings[query[i]![0]]!.length / 2;
    if (i >= MIN_QUERY_TERMS && budget > MAX_QUERY_POSTINGS) {
      query.length = i;
      break;
    }
  }
  const lengthNorm = lengthNorms(index);
  for (const [t, w] of query) {
    const p = index.postings[t]!;
    for (let i = 0; i < p.length; i += 2) {
      const doc = p[i]!;
      const tf = p[i + 1]!;
      if (acc[doc] === 0) touched.push(doc);
      acc[doc] = acc[doc]! + (w * tf * (K1 + 1)) / (tf + lengthNorm[doc]!);
    }
  }
  // Top k by a bounded min-heap: no sort of every touched document (a large corpus touches most of them).
  const heapDoc = new Int32Array(k);
  const heapScore = new Float64Array(k);
  let size = 0;
  const worse = (i: number, j: number) => heapScore[i]! < heapScore[j]! || (heapScore[i] === heapScore[j] && heapDoc[i]! > heapDoc[j]!);
  const swap = (i: number, j: number) => {
    const d = heapDoc[i]!,
      s2 = heapScore[i]!;
    heapDoc[i] = heapDoc[j]!;
    heapScore[i] = heapScore[j]!;
    heapDoc[j] = d;
    heapScore[j] = s2;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1,
        r = l + 1;
      let m = i;
      if (l < size && worse(l, m)) m = l;
      if (r < size && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  // `allow` is asked only of documents that would enter the heap: at scale most touched documents
  // score below the k-th best, and reading each one's record (a cache miss) cost more than the scoring.
  for (const doc of touched) {
    const s = acc[doc]!;
    acc[doc] = 0;
    const full = size === k;
    if (full && !(s > heapScore[0]! || (s === heapScore[0] && doc < heapDoc[0]!))) continue;
    if (allow && !allow(doc)) continue;
    if (!full) {
      heapDoc[size] = doc;
      heapScore[size] = s;
      for (let i = size++; i > 0;) {
        const up = (i - 1) >> 1;
        if (!worse(i, up)) break;
        swap(i, up);
        i = up;
      }
    } else {
      heapDoc[0] = doc;
      heapScore[0] = s;
      down(0);
    }
  }
  const hits: Hit[] = [];
  for (let i = 0; i < size; i++) hits.push({ doc: heapDoc[i]!, score: heapScore[i]! });
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return hits;
}

const norms = new WeakMap<Bm25Index, Float64Array>();

/** K1·(1 − B + B·len/avg) per document, computed once per index. */
function lengthNorms(index: Bm25Index): Float64Array {
  let n = norms.get(index);
  if (!n) {
    n = Float64Array.from(index.docLen, (len) => K1 * (1 - B + (B * len) / index.avgLen));
    norms.set(index, n);
  }
  return n;
}
