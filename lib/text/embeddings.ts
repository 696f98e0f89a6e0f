// Word vectors keyed by stem (built by tools/build-embeddings.ts from GloVe-derived vectors):
// how close two words are in meaning, so "sat down" can meet "met" and "aims" meet "goals".
// Input: the vocabulary list and the int8 vector block. Output: cosine similarity of two stems.

export class WordVectors {
  private readonly index = new Map<string, number>();
  private readonly data: Float32Array;

  constructor(
    stems: readonly string[],
    int8: Int8Array,
    readonly dims: number,
  ) {
    stems.forEach((s, i) => this.index.set(s, i));
    this.data = new Float32Array(int8.length);
    // Vectors were unit length before quantisation; renormalise so cosine is a plain dot product.
    for (let k = 0; k < stems.length; k++) {
      let n = 0;
      for (let i = 0; i < dims; i++) n += int8[k * dims + i]! * int8[k * dims + i]!;
      const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
      for (let i = 0; i < dims; i++) this.data[k * dims + i] = int8[k * dims + i]! * inv;
    }
  }

  /** Row of a stem, or -1 when it has no vector. */
  id(stem: string): number {
    return this.index.get(stem) ?? -1;
  }

  private readonly memo = new Map<number, number>();
  private static readonly MEMO_MAX = 400_000;

  /** Cosine similarity of two rows (ids from `id`); remembered, since a page meets the same word pairs again and again. */
  cosine(a: number, b: number): number {
    if (a < 0 || b < 0) return 0;
    if (a === b) return 1;
    const key = a < b ? a * 65536 + b : b * 65536 + a;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const c = this.dot(a, b);
    if (this.memo.size >= WordVectors.MEMO_MAX) this.memo.clear();
    this.memo.set(key, c);
    return c;
  }

  private dot(a: number, b: number): number {
    const d = this.data,
      n = this.dims;
    let s = 0;
    for (let i = 0, x = a * n, y = b * n; i < n; i++) s += d[x + i]! * d[y + i]!;
    return s;
  }

  get size(): number {
    return this.index.size;
  }
}
