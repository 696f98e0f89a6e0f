// npm run embeddings:clusters — groups the shipped word vectors into word-sense neighbourhoods
// (spherical k-means, deterministic) and writes each stem's group into lib/text/embeddings-vocab.json
// ("clusters", aligned with "stems"). The per-statement lexical models read a paragraph's groups beside
// its stems, so a word no labelled article used can still count through its neighbours ("convened"
// beside "met"). Reproducible: same vectors, same groups.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus-files';

export const CLUSTERS = 600;
const ROUNDS = 12;

const vocabFile = join(ROOT, 'lib/text/embeddings-vocab.json');
const vocab = JSON.parse(readFileSync(vocabFile, 'utf8')) as { source: string; dims: number; stems: string[]; clusters?: number[] };
const buf = readFileSync(join(ROOT, 'lib/text/embeddings.bin'));
const int8 = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
const n = vocab.stems.length, d = vocab.dims;
const x = new Float32Array(n * d);
for (let k = 0; k < n; k++) {
  let s = 0;
  for (let i = 0; i < d; i++) s += int8[k * d + i]! ** 2;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < d; i++) x[k * d + i] = int8[k * d + i]! * inv;
}
// Seeds spread evenly over the (alphabetical) vocabulary: deterministic, no random state.
const c = new Float32Array(CLUSTERS * d);
for (let j = 0; j < CLUSTERS; j++) c.set(x.subarray(Math.floor((j * n) / CLUSTERS) * d, Math.floor((j * n) / CLUSTERS) * d + d), j * d);
const assign = new Int32Array(n);
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < n; k++) {
    let best = 0, bestDot = -Infinity;
    for (let j = 0; j < CLUSTERS; j++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += x[k * d + i]! * c[j * d + i]!;
      if (s > bestDot) { bestDot = s; best = j; }
    }
    assign[k] = best;
  }
  c.fill(0);
  for (let k = 0; k < n; k++) for (let i = 0; i < d; i++) c[assign[k]! * d + i]! += x[k * d + i]!;
  for (let j = 0; j < CLUSTERS; j++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += c[j * d + i]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let i = 0; i < d; i++) c[j * d + i]! *= inv;
  }
}
vocab.clusters = [...assign];
writeFileSync(vocabFile, JSON.stringify(vocab));
const sizes = new Map<number, number>();
for (const a of assign) sizes.set(a, (sizes.get(a) ?? 0) + 1);
console.log(`${n} stems in ${sizes.size} groups (largest ${Math.max(...sizes.values())}); e.g. met: ${vocab.stems.filter((_, k) => assign[k] === assign[vocab.stems.indexOf('met')]).slice(0, 12).join(' ')}`);
