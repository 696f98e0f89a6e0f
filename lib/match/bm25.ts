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
export function searchBm25(index: Bm25Index, terms: readonly string[], k: number, allow?: (doc: number) => boolean, scores?: Float64Array, maxTerms = MAX_QUERY_TERMS): Hit[] {
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
  for (const [t, w] of query) {
    const p = index.postings[t]!;
    for (let i = 0; i < p.length; i += 2) {
      const doc = p[i]!;
      const tf = p[i + 1]!;
      const norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * index.docLen[doc]! / index.avgLen));
      if (acc[doc] === 0) touched.push(doc);
      acc[doc] = acc[doc]! + w * norm;
    }
  }
  const hits: Hit[] = [];
  for (const doc of touched) {
    const s = acc[doc]!;
    acc[doc] = 0;
    if (allow && !allow(doc)) continue;
    hits.push({ doc, score: s });
  }
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return hits.slice(0, k);
}
