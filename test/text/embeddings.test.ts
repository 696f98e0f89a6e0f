// The shipped word vectors and their neighbourhoods of meaning (scripts/build-clusters.ts).
import { describe, expect, it } from 'vitest';
import { WordVectors } from '../../lib/text/embeddings';
import { loadVectors } from '../../scripts/corpus-files';
import { stem } from '../../lib/text/stem';

describe('word vectors', () => {
  const v = loadVectors();

  it('puts words of one meaning in one neighbourhood and unrelated words apart', () => {
    const g = (w: string) => v.cluster(stem(w));
    expect(g('attend')).toBeGreaterThanOrEqual(0);
    expect(g('attend')).toBe(g('invited'));
    expect(g('attend')).toBe(g('delegation'));
    expect(g('sanctions')).not.toBe(g('attend'));
    expect(g('hours')).not.toBe(g('sanctions'));
  });

  it('has no neighbourhood for a word without a vector, or when none were shipped', () => {
    expect(v.cluster('zzzzqx')).toBe(-1);
    const bare = new WordVectors(['a', 'b'], new Int8Array([1, 0, 0, 1]), 2);
    expect(bare.cluster('a')).toBe(-1);
    expect(bare.cosine(bare.id('a'), bare.id('b'))).toBe(0);
    const grouped = new WordVectors(['a', 'b'], new Int8Array([1, 0, 0, 1]), 2, [3, 4]);
    expect(grouped.cluster('b')).toBe(4);
  });
});
