// BM25 retrieval (lib/text/bm25.ts): the bounded top-k with a document filter must rank exactly as
// scoring every allowed document and sorting would, whatever the filter and k.
import { describe, expect, it } from 'vitest';
import { B, K1, buildBm25, idf, searchBm25 } from '../../lib/text/bm25';
import { mulberry32 } from '../../tools/gbdt-train';

const VOCAB = Array.from({ length: 40 }, (_, i) => `t${i}`);

function randomDocs(seed: number, n: number): string[][] {
  const r = mulberry32(seed);
  // Skewed term frequencies, as in text: low-numbered terms are common.
  return Array.from({ length: n }, () =>
    Array.from({ length: 3 + Math.floor(r() * 12) }, () => VOCAB[Math.floor(VOCAB.length * r() * r())]!),
  );
}

/** Every allowed document scored in full, sorted by score then document number. */
function bruteForce(docs: string[][], query: string[], k: number, allow: (d: number) => boolean) {
  const index = buildBm25(docs);
  const terms = [...new Set(query)].filter((t) => index.postings[t] && idf(index, t) >= 0.05);
  const scored: { doc: number; score: number }[] = [];
  docs.forEach((d, doc) => {
    if (!allow(doc)) return;
    let score = 0,
      hit = false;
    for (const t of terms) {
      const tf = d.filter((x) => x === t).length;
      if (!tf) continue;
      hit = true;
      score += (idf(index, t) * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.length) / index.avgLen));
    }
    if (hit) scored.push({ doc, score });
  });
  return scored.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
}

describe('searchBm25', () => {
  it('returns the same top k as scoring and sorting every allowed document', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const docs = randomDocs(seed, 300);
      const index = buildBm25(docs);
      const r = mulberry32(seed * 7);
      const query = Array.from({ length: 6 }, () => VOCAB[Math.floor(r() * VOCAB.length)]!);
      const banned = seed % 3;
      const allow = (d: number) => d % 3 !== banned;
      for (const k of [1, 5, 20, 400]) {
        const got = searchBm25(index, query, k, allow);
        const want = bruteForce(docs, query, k, allow);
        expect(got.map((h) => h.doc)).toEqual(want.map((h) => h.doc));
        got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 9));
        expect(got.every((h) => allow(h.doc))).toBe(true);
      }
    }
  });

  it('asks the filter only about documents good enough to enter the top k', () => {
    const docs = randomDocs(99, 5000);
    const index = buildBm25(docs);
    let asked = 0;
    const hits = searchBm25(index, ['t0', 't1', 't2', 't3', 't5', 't8'], 10, (d) => (asked++, d % 2 === 0));
    expect(hits).toHaveLength(10);
    expect(hits.every((h) => h.doc % 2 === 0)).toBe(true);
    // Thousands of documents are touched; only a small share can beat the running 10th best.
    expect(asked).toBeGreaterThan(10);
    expect(asked).toBeLessThan(docs.length / 4);
  });

  it('returns nothing for k = 0 or a query of unknown terms', () => {
    const index = buildBm25(randomDocs(3, 50));
    expect(searchBm25(index, ['t1', 't2'], 0)).toEqual([]);
    expect(searchBm25(index, ['nowhere'], 5)).toEqual([]);
  });
});
